package org.epermit.api.reference;

/** The environmental medium a pollutant or an outlet belongs to: air (废气) or water (废水). */
public enum Medium { AIR, WATER }
