package vn.loa.app.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.connectors.WriteReceipts;

/** Keeps, with the attempt in the publish ledger, what a platform gave when it accepted a write. */
@Component
class AttemptReceipts implements WriteReceipts {

    private static final Logger log = LoggerFactory.getLogger(AttemptReceipts.class);

    private final PublishLedger ledger;

    AttemptReceipts(PublishLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void accepted(String idempotencyKey, String receipt) {
        if (idempotencyKey == null) {
            return;
        }
        try {
            ledger.keepReceipt(idempotencyKey, receipt);
        } catch (RuntimeException e) {
            // The write went through; losing its receipt only leaves settling to match by title.
            log.warn("Could not keep the platform's receipt for attempt {}", idempotencyKey, e);
        }
    }
}
