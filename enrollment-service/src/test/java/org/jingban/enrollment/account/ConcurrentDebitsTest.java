package org.jingban.enrollment.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentDebitsTest extends EnrollmentTest {

    @Autowired
    AccountLedger ledger;

    @Test
    void forty_parallel_debits_of_10_yuan_on_300_yuan_succeed_30_times_and_leave_zero() throws Exception {
        String accountId = UUID.randomUUID().toString();
        ledger.open(accountId, newIdNumber(), "张三", WUWEI).block(TIMEOUT);
        ledger.post(accountId, PostEntry.credit(EntryKind.CONTRIBUTION, 300_00, "c-" + accountId, "202611", "缴费划入"))
                .block(TIMEOUT);

        int debits = 40;
        ExecutorService pool = Executors.newFixedThreadPool(debits);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < debits; i++) {
            String key = "d-" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    ledger.post(accountId, PostEntry.debit(EntryKind.DEBIT, 10_00, key, "结算" + key, "个人账户支付"))
                            .block(TIMEOUT);
                    return true;
                } catch (ProblemException refused) {
                    assertThat(refused.violations()).extracting("code").containsExactly("insufficient-balance");
                    return false;
                }
            }));
        }
        start.countDown();
        long succeeded = 0;
        for (Future<Boolean> f : results) {
            if (f.get()) {
                succeeded++;
            }
        }
        pool.shutdown();

        // 300.00 / 10.00 = 30 debits fit; the other 10 are refused
        assertThat(succeeded).isEqualTo(30);
        PersonalAccount account = ledger.find(accountId).block(TIMEOUT);
        assertThat(account.getBalanceFen()).isZero();
        List<AccountEntry> entries = ledger.entries(accountId).collectList().block(TIMEOUT);
        assertThat(entries).hasSize(31);
        assertThat(entries.stream().mapToLong(AccountEntry::amountFen).sum()).isEqualTo(account.getBalanceFen());
        assertThat(entries).extracting(AccountEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 31).boxed().toList());
        assertThat(entries).allSatisfy(e -> assertThat(e.balanceAfterFen()).isNotNegative());
    }

    @Test
    void the_same_idempotency_key_posted_in_parallel_debits_once() throws Exception {
        String accountId = UUID.randomUUID().toString();
        ledger.open(accountId, newIdNumber(), "李四", WUWEI).block(TIMEOUT);
        ledger.post(accountId, PostEntry.credit(EntryKind.CREDIT, 100_00, "c1", null, null)).block(TIMEOUT);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccountLedger.Result>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return ledger.post(accountId, PostEntry.debit(EntryKind.DEBIT, 7_50, "same-key", "结算单1", null))
                        .block(TIMEOUT);
            }));
        }
        start.countDown();
        java.util.Set<String> entryIds = new java.util.HashSet<>();
        int fresh = 0;
        for (Future<AccountLedger.Result> f : results) {
            AccountLedger.Result r = f.get();
            entryIds.add(r.entry().id());
            fresh += r.replayed() ? 0 : 1;
        }
        pool.shutdown();

        assertThat(entryIds).hasSize(1);
        assertThat(fresh).isEqualTo(1);
        // 100.00 − 7.50 = 92.50
        assertThat(ledger.find(accountId).block(TIMEOUT).getBalanceFen()).isEqualTo(92_50);
    }
}
