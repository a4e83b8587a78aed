package org.registry.kernel.report;

/** The events of a monthly report (月报): filed (each revision), returned with a reason, approved. */
public sealed interface MonthlyReportEvent permits MonthlyReportFiled, MonthlyReportReturned, MonthlyReportApproved {

    ReportId reportId();
}
