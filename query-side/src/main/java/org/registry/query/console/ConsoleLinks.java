package org.registry.query.console;

import org.registry.query.dashboard.Pyramid;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;

/**
 * The addresses of the console's pages for one area, period and "known at" instant, as the templates link them:
 * every figure on a page links to the records behind it.
 */
record ConsoleLinks(String areaCode, LocalDate from, LocalDate to, String knownAt) {

    /** The drill-down list of a figure, by the name the API gives it ({@code births}, {@code populationEnd}...). */
    public String figure(String figure) {
        return figureIn(figure, areaCode);
    }

    /** The same, for another area (a community of the dashboard's area). */
    public String figureIn(String figure, String area) {
        return period(UriComponentsBuilder.fromPath("/console/figures/{figure}"), area).buildAndExpand(figure)
                .encode().toUriString();
    }

    /** The drill-down list of a figure over part of the period (a month's days in it). */
    public String figureBetween(String figure, String first, String last) {
        return new ConsoleLinks(areaCode, LocalDate.parse(first), LocalDate.parse(last), knownAt).figure(figure);
    }

    /** The records of a figure of residents of one sex in one age band (a bar of the pyramid), the API's filters. */
    public String figureOf(String figure, String sex, Integer ageFrom, Integer ageTo) {
        UriComponentsBuilder uri = period(UriComponentsBuilder.fromPath("/console/figures/{figure}"), areaCode);
        if (sex != null) {
            uri.queryParam("sex", sex);
        }
        if (ageFrom != null) {
            uri.queryParam("ageFrom", ageFrom);
        }
        if (ageTo != null) {
            uri.queryParam("ageTo", ageTo);
        }
        return uri.buildAndExpand(figure).encode().toUriString();
    }

    /** The residents behind one bar of the pyramid: living in the area on {@code to}, of the sex, in the band. */
    public String pyramidBar(String sex, int fromAge) {
        return figureOf("populationEnd", sex, fromAge,
                fromAge >= Pyramid.OPEN_FROM ? null : fromAge + Pyramid.BAND_YEARS - 1);
    }

    /** The check-up outreach list of a community for the period: its eligible women not checked. */
    public String outreach(String community) {
        return UriComponentsBuilder.fromPath("/console/registers/outreach").queryParam("areaCode", community)
                .queryParam("from", from).queryParam("to", to).build().encode().toUriString();
    }

    public String dashboard(String area) {
        return period(UriComponentsBuilder.fromPath("/console/dashboard"), area).build().encode().toUriString();
    }

    private UriComponentsBuilder period(UriComponentsBuilder uri, String area) {
        uri.queryParam("areaCode", area).queryParam("from", from).queryParam("to", to);
        if (knownAt != null && !knownAt.isBlank()) {
            uri.queryParam("knownAt", knownAt);
        }
        return uri;
    }
}
