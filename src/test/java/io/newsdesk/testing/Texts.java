package io.newsdesk.testing;

import java.util.Arrays;
import java.util.List;

/** Invented news texts for the unit tests. */
public final class Texts {

    private Texts() {
    }

    public static final String FERRY = """
            A passenger ferry carrying 212 people ran aground off the coast of Northport early on Tuesday, forcing \
            coastguard crews to evacuate everyone on board in a rescue operation that lasted more than five hours.

            The vessel, the Island Queen, had left the harbour at 05:40 local time bound for the outer islands when \
            it struck a sandbank about two miles offshore. Harbour officials said the tide was unusually low and \
            that a navigation buoy marking the channel had been reported missing last week.

            Nobody was seriously hurt, although eleven passengers were treated for mild hypothermia after waiting on \
            the open deck in strong winds. Lifeboats from three neighbouring stations joined the operation and a \
            fishing trawler helped to ferry people to shore.

            The ferry operator, Coastline Shipping, said it had suspended all crossings on the route until an \
            inspection of the hull is complete. Its chief executive apologised to passengers and promised a full \
            refund for every ticket sold for the affected sailing.

            Local councillor Maria Edwards said residents had warned for months that the channel was becoming \
            dangerous. "We have written to the port authority three times about the missing buoy and the silt \
            building up near the sandbank," she said. "Today we were lucky that the weather was not worse."

            The Marine Accident Investigation Branch has sent a team of inspectors to Northport and is expected to \
            publish its initial findings within a month. Salvage teams hope to refloat the Island Queen on the \
            evening high tide on Wednesday if the hull is found to be sound.
            """;

    public static final String BUDGET = """
            The city council has approved a budget of 480 million pounds for the coming year, including a 4% rise \
            in council tax and new spending on road repairs, libraries and social care for older residents.

            Councillors voted 34 to 21 in favour after a debate that ran late into Thursday night. The opposition \
            group had proposed freezing the tax and funding the repairs by selling two office buildings, but its \
            amendment was defeated.

            The leader of the council said the increase was unavoidable because the grant from central government \
            had fallen for the sixth year in a row. About 60 million pounds will go to filling potholes and \
            resurfacing main roads, which residents named as their biggest concern in a survey last autumn.

            Library opening hours, cut two years ago, will be restored at eight branches, and a new team of care \
            workers will support people leaving hospital. Unions welcomed the social care money but warned that \
            staff shortages would make it hard to fill the new posts quickly.
            """;

    public static List<String> words(String text) {
        return Arrays.asList(text.strip().split("\\s+"));
    }

    /** The first {@code fraction} of the words of {@code text}. */
    public static String prefix(String text, double fraction) {
        List<String> words = words(text);
        return String.join(" ", words.subList(0, (int) Math.round(words.size() * fraction)));
    }

    /** {@code text} with two adjacent letters swapped in every {@code every}-th word of five or more letters. */
    public static String typos(String text, int every) {
        String[] words = text.split(" ", -1);
        int seen = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter) && ++seen % every == 0) {
                char[] c = words[i].toCharArray();
                char t = c[1];
                c[1] = c[2];
                c[2] = t;
                words[i] = new String(c);
            }
        }
        return String.join(" ", words);
    }
}
