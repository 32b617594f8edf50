package io.newsdesk.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * A question to the LLM whose answer is JSON of a known shape: the system and user messages, and the answer's
 * schema, sent only to providers configured to take one ({@code newsdesk.llm.json-schema}); the others are told the
 * shape in the system prompt.
 *
 * @param purpose what the call is for, in the metrics and as the schema's name
 */
public record StructuredQuestion(String purpose, String system, String user, JsonObjectSchema answerShape) {

    ChatRequest request(boolean sendSchema) {
        ChatRequest.Builder chat = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user));
        if (sendSchema) {
            chat.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(purpose.replace('-', '_')).rootElement(answerShape).build())
                    .build());
        }
        return chat.build();
    }
}
