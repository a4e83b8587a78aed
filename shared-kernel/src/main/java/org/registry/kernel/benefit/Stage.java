package org.registry.kernel.benefit;

/** The three levels that decide a claim, in order (三级审核). */
public enum Stage {
    VILLAGE_ASSESSMENT, TOWNSHIP_REVIEW, COUNTY_APPROVAL
}
