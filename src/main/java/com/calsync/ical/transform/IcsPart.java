package com.calsync.ical.transform;

/** What a component holds: property lines and sub-components. */
public sealed interface IcsPart permits ContentLine, IcsComponent {}
