package dev.stoa.api.identity;

/**
 * A postal address: label home, work or other; street lines at most 200, city and state at most 100,
 * postal code at most 20 characters; ISO 3166-1 alpha-2 country; at most one default per user.
 */
public record Address(String label, String streetLine1, String streetLine2, String city, String state,
                      String postalCode, String countryCode, boolean isDefault) {}
