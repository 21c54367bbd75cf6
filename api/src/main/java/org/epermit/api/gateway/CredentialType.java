package org.epermit.api.gateway;

/** How a caller proved who it is. */
public enum CredentialType {
    API_KEY, OAUTH2, ANONYMOUS
}
