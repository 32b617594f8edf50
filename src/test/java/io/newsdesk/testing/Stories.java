package io.newsdesk.testing;

import java.util.List;

/**
 * Invented news stories as several outlets report them: a full report, then other outlets' own write-ups and
 * briefs (not copies), each with facts the others lack. Posted in order, each story's articles join one story
 * offline (SAME_STORY: shared names and figures, hours apart).
 */
public final class Stories {

    /** One outlet's article. */
    public record Report(String title, String source, String publishedAt, String text) {
    }

    /** A story: its reports, earliest first. */
    public record Story(String name, List<Report> reports) {
    }

    public static final Story FERRY = new Story("ferry", List.of(
            new Report("Ferry runs aground off Northport", "northport-gazette.example", "2015-05-05T07:00:00Z",
                    Texts.FERRY),
            new Report("212 rescued as Island Queen hits sandbank", "wire.example", "2015-05-05T11:00:00Z", """
                    Coastguard crews rescued all 212 people from the Island Queen after the Coastline Shipping ferry \
                    hit a sandbank off Northport on Tuesday. Eleven passengers were treated for hypothermia."""),
            new Report("Island Queen grounding: what we know", "coast-news.example", "2015-05-05T15:00:00Z", """
                    The Island Queen, a Coastline Shipping ferry with 212 people on board, struck a sandbank off \
                    Northport on Tuesday morning and stayed stuck for more than five hours.

                    All passengers were brought ashore by lifeboats and a fishing trawler. Eleven were treated for \
                    hypothermia at Northport General Hospital and released by the afternoon.

                    The ferry was built in 1998 and passed its last safety inspection in March, Coastline Shipping \
                    said. The Marine Accident Investigation Branch has opened an inquiry into the grounding.""")));

    public static final Story MUSEUM_FIRE = new Story("museum fire", List.of(
            new Report("Fire destroys workshop at Harlow rail museum", "harlow-echo.example", "2016-03-08T09:00:00Z",
                    """
                    A fire tore through the restoration workshop of the Harlow Museum of Rail overnight, destroying \
                    two vintage carriages and damaging a steam locomotive that volunteers had spent nine years \
                    restoring.

                    Firefighters from Essex County Fire Service were called at 02:15 and brought the blaze under \
                    control shortly before dawn. Nobody was in the building and no one was hurt.

                    The museum's director, Priya Raman, said the collection's most valuable engine, the 1923 \
                    locomotive Harlow Star, had been moved to the main hall last month and was unharmed. "Our \
                    volunteers are heartbroken, but the heart of the collection is safe," she said.

                    Investigators believe the fire started in an electrical cabinet. The museum will stay closed \
                    until Monday while the damage is assessed."""),
            new Report("Harlow Museum of Rail blaze: carriages lost", "rail-weekly.example", "2016-03-08T13:00:00Z",
                    """
                    Two vintage carriages were destroyed when fire swept through the restoration workshop of the \
                    Harlow Museum of Rail overnight. Essex County Fire Service said nobody was hurt, and director \
                    Priya Raman said the 1923 locomotive Harlow Star was unharmed.""")));

    public static final List<Story> ALL = List.of(FERRY, MUSEUM_FIRE);

    private Stories() {
    }
}
