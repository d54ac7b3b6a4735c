package deepgrid.run.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-run claims: exclusive, kept by live holders, taken over from dead or silent ones, never through a link. */
class ClaimsTest {
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    final Holders holders = new Holders();
    final List<Claim> takenOver = new ArrayList<>();

    @AfterEach
    void stopHolders() {
        holders.close();
    }

    private Claims claims() {
        return new Claims(tmp.resolve(".claims"), takenOver::add);
    }

    @Test
    void ofManyThreadsRacingForOneRunExactlyOneHoldsIt() throws Exception {
        Claims claims = claims();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Claims.Held>>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(pool.submit(() -> {
                go.await();
                return claims.tryClaim("run-a");
            }));
        }
        go.countDown();
        int holders = 0;
        for (Future<Optional<Claims.Held>> t : tries) {
            holders += t.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        // the same process claims at most once: a second claim by this process is refused too
        assertEquals(1, holders);
        assertEquals(List.of(), takenOver);
    }

    @Test
    void aLiveProcessOfThisHostKeepsItsClaimEvenWhenSilent() throws Exception {
        Holders.claim(claims().dir(), "run-a", holders.live(), LEASE, Duration.ofHours(2));
        assertEquals(Optional.empty(), claims().tryClaim("run-a"), "a live pid is trusted beyond the lease");
        assertEquals(List.of(), takenOver);
    }

    @Test
    void aDeadProcessOfThisHostLosesItsClaimAtOnce() throws Exception {
        Owner dead = holders.dead();
        Holders.claim(claims().dir(), "run-a", dead, LEASE, Duration.ZERO);
        Optional<Claims.Held> held = claims().tryClaim("run-a");
        assertTrue(held.isPresent());
        assertEquals(1, takenOver.size());
        assertEquals(dead, takenOver.get(0).owner());
        assertEquals(Owner.self().token(), Claim.parse(Files.readString(claims().dir().resolve("run-a"))).owner().token());
    }

    @Test
    void anotherHostsClaimHoldsUntilItsLeaseRunsOut() throws Exception {
        Path file = Holders.claim(claims().dir(), "run-a", Holders.elsewhere(), LEASE, Duration.ofSeconds(30));
        assertEquals(Optional.empty(), claims().tryClaim("run-a"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofSeconds(61))));
        assertTrue(claims().tryClaim("run-a").isPresent(), "silent for longer than its lease: stale");
        assertEquals(1, takenOver.size());
    }

    @Test
    void aClaimFromBeforeARebootIsStale() throws Exception {
        Holders.claim(claims().dir(), "run-a", Holders.beforeReboot(), LEASE, Duration.ZERO);
        assertTrue(claims().tryClaim("run-a").isPresent());
    }

    @Test
    void anUnreadableClaimIsJudgedByItsAge() throws Exception {
        Files.createDirectories(claims().dir());
        Path file = Files.writeString(claims().dir().resolve("run-a"), "garbage");
        assertEquals(Optional.empty(), claims().tryClaim("run-a"), "young: perhaps being written");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertTrue(claims().tryClaim("run-a").isPresent());
        assertEquals(List.of(), takenOver, "nothing to clear for a holder nobody can name");
    }

    @Test
    void aClaimThatIsALinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path target = Files.writeString(tmp.resolve("bashrc"), "echo hello\n");
        Files.createDirectories(claims().dir());
        Files.createSymbolicLink(claims().dir().resolve("run-a"), target);
        DeepgridException e = assertThrows(DeepgridException.class, () -> claims().tryClaim("run-a"));
        assertEquals(claims().dir().resolve("run-a") + " is not a regular file (a symbolic link); deepgrid never follows"
                + " links in a results folder: remove it and run again", e.getMessage());
        assertEquals("echo hello\n", Files.readString(target));
    }

    @Test
    void releaseDeletesTheClaimOnlyWhileItIsOurs() throws Exception {
        Claims claims = claims();
        Claims.Held held = claims.tryClaim("run-a").orElseThrow();
        held.release();
        assertFalse(Files.exists(claims.dir().resolve("run-a")));

        Claims.Held again = claims.tryClaim("run-a").orElseThrow();
        Owner other = holders.live();
        Holders.claim(claims.dir(), "run-a", other, LEASE, Duration.ZERO); // taken over behind our back
        again.renew();
        assertTrue(again.lost(), "the heartbeat notices");
        again.release();
        assertEquals(other, Claim.parse(Files.readString(claims.dir().resolve("run-a"))).owner(), "theirs stays");
    }

    @Test
    void nothingIsLeftButTheClaimItself() throws IOException {
        Claims claims = claims();
        claims.tryClaim("run-a").orElseThrow();
        try (var list = Files.list(claims.dir())) {
            assertEquals(List.of("run-a"), list.map(p -> p.getFileName().toString()).toList());
        }
    }
}
