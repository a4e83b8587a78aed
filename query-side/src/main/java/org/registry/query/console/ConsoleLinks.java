package org.registry.query.console;

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
