package org.epermit.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.epermit.api.client.ClientRequests.ClientChange;

import java.util.HashSet;
import java.util.Set;

/**
 * A client change read as a JSON merge patch (RFC 7396): a member left out keeps its field, {@code null} clears it,
 * a value sets it. A record alone cannot tell a member left out from one sent as {@code null}, so the body is read
 * as a tree first and its values then bound to {@link ClientChange} by the same mapper (unknown members and wrong
 * types fail as for any other body).
 *
 * @param values  the values sent ({@code null} both for members left out and for those sent as {@code null})
 * @param sent    the members the body sends, with a value or {@code null}
 * @param cleared the members the body sends as {@code null}
 */
public record ClientPatch(ClientChange values, Set<String> sent, Set<String> cleared) {

    /** RFC 7396's media type; {@code application/json} is taken too, with the same meaning. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    public ClientPatch {
        sent = Set.copyOf(sent);
        cleared = Set.copyOf(cleared);
    }

    public static ClientPatch read(ObjectNode body, ObjectMapper json) throws JsonProcessingException {
        Set<String> sent = new HashSet<>();
        Set<String> cleared = new HashSet<>();
        body.fields().forEachRemaining(member -> {
            sent.add(member.getKey());
            if (member.getValue().isNull()) {
                cleared.add(member.getKey());
            }
        });
        return new ClientPatch(json.treeToValue(body, ClientChange.class), sent, cleared);
    }

    boolean sends(String member) {
        return sent.contains(member);
    }

    boolean clears(String member) {
        return cleared.contains(member);
    }
}
