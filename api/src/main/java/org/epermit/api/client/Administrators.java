package org.epermit.api.client;

import io.smallrye.mutiny.Uni;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The administrators able to act: active, with the admin role and scope, and a credential that works (a live key,
 * or a Keycloak client). A change to the registry must never leave none, or nobody could manage the API again
 * short of editing the database.
 *
 * <p>Two administrators demoting each other at once would each still see the other and both succeed, so a write
 * that could take an administrator away first locks every active administrator's row (and its target's), in id
 * order: such writes run one after the other, and each counts what the previous one left.
 */
final class Administrators {

    private static final String ABLE = """
            c.status = 'ACTIVE' AND 'admin' = ANY (c.roles) AND 'admin' = ANY (c.scopes)
            AND (c.oidc_client_id IS NOT NULL OR EXISTS (SELECT 1 FROM api_key k WHERE k.client_id = c.id
                 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $1)))""";

    private Administrators() {
    }

    /**
     * Runs {@code write}, which changes client {@code target} in the transaction of {@code tx}, then {@code flush}es
     * it to the database and fails it with {@code LAST_ADMINISTRATOR} (the transaction then rolls back) if it took away
     * the last administrator able to act. The entity it changes may have been read before the locks: if another write
     * changed it meanwhile, its flush fails on the stale version (CONCURRENT_MODIFICATION), which loses nothing either.
     */
    static <T> Uni<T> keepingOne(TransactionSql tx, UUID target, OffsetDateTime now, Supplier<Uni<Void>> flush,
                                 Supplier<Uni<T>> write) {
        return tx.query("""
                        SELECT c.id FROM api_client c WHERE c.id = $1 OR (c.status = 'ACTIVE' AND 'admin' = ANY (c.roles))
                        ORDER BY c.id FOR NO KEY UPDATE""", target)
                .flatMap(locked -> tx.query("SELECT EXISTS (SELECT 1 FROM api_client c WHERE " + ABLE + " AND c.id = $2) AS able",
                        now, target))
                .map(rows -> rows.get(0).bool("able"))
                .flatMap(wasAble -> write.get().call(done -> wasAble
                        ? flush.get().flatMap(flushed -> oneLeft(tx, now)) : Uni.createFrom().voidItem()));
    }

    private static Uni<Void> oneLeft(TransactionSql tx, OffsetDateTime now) {
        return tx.query("SELECT EXISTS (SELECT 1 FROM api_client c WHERE " + ABLE + ") AS able", now)
                .map(rows -> {
                    if (!rows.get(0).bool("able")) {
                        throw new ApiException(ErrorCode.LAST_ADMINISTRATOR, Message.of(
                                "This is the last administrator able to act: demoting, suspending or deleting it, or taking "
                                        + "away its last credential, would leave nobody to manage the API. Register or enable "
                                        + "another administrator first.",
                                "这是最后一个可操作的管理员：将其降级、停用、删除或移除其最后一个凭证后将无人能够管理本接口。"
                                        + "请先注册或启用另一个管理员。"));
                    }
                    return null;
                });
    }
}
