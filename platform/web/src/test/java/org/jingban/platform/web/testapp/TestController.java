package org.jingban.platform.web.testapp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
public class TestController {

    /** Gates for the concurrency test: the handler says it started, then waits to be let go. */
    public static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();
    public static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();

    private final Invocations invocations;

    public TestController(Invocations invocations) {
        this.invocations = invocations;
    }

    public record ApplicationForm(
            @NotBlank String name,
            @NotBlank(message = "证件号码为必填项") String idNumber,
            @Pattern(regexp = "1\\d{10}") String mobile,
            @Min(0) Integer children) {
    }

    public record Payment(String ref, int amountFen) {
    }

    /** A person as the forms name them (the catalog's field names decide the text policy). */
    public record Person(@com.fasterxml.jackson.annotation.JsonProperty("姓名") String name,
                         @com.fasterxml.jackson.annotation.JsonProperty("单位名称") String unit,
                         @com.fasterxml.jackson.annotation.JsonProperty("备注") String remark,
                         @com.fasterxml.jackson.annotation.JsonProperty("金额") String amount) {
    }

    @PostMapping("/persons")
    Mono<Person> person(@RequestBody Person person) {
        return Mono.just(person);
    }

    @PostMapping("/forms")
    Mono<Map<String, Object>> submit(@Valid @RequestBody ApplicationForm form) {
        return Mono.just(Map.of("name", form.name()));
    }

    @PostMapping("/payments")
    Mono<ResponseEntity<Map<String, Object>>> pay(@RequestBody Payment payment) {
        int serial = invocations.record(payment.ref());
        return Mono.just(ResponseEntity.created(URI.create("/payments/" + serial))
                .body(Map.of("ref", payment.ref(), "serial", serial, "amountFen", payment.amountFen())));
    }

    @PostMapping("/slow-payments")
    Mono<Map<String, Object>> paySlowly(@RequestBody Payment payment) {
        int serial = invocations.record(payment.ref());
        STARTED.computeIfAbsent(payment.ref(), r -> new CountDownLatch(1)).countDown();
        return Mono.fromCallable(() -> RELEASE.computeIfAbsent(payment.ref(), r -> new CountDownLatch(1))
                        .await(10, TimeUnit.SECONDS))
                .subscribeOn(Schedulers.boundedElastic())
                .map(released -> Map.<String, Object>of("ref", payment.ref(), "serial", serial));
    }

    @PostMapping("/unstable-payments")
    Mono<Map<String, Object>> payUnstably(@RequestBody Payment payment) {
        invocations.record(payment.ref());
        return Mono.delay(Duration.ZERO).then(Mono.error(new IllegalStateException("settlement bank timed out")));
    }

    /** 申请材料 upload: one file and the applicant's reference. */
    @PostMapping(path = "/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> upload(@RequestPart("ref") String ref,
                                                     @RequestPart("file") FilePart file) {
        int serial = invocations.record(ref);
        return DataBufferUtils.join(file.content())
                .map(content -> {
                    int size = content.readableByteCount();
                    DataBufferUtils.release(content);
                    return ResponseEntity.status(201).body(Map.<String, Object>of(
                            "ref", ref, "serial", serial, "filename", file.filename(), "bytes", size));
                });
    }

    @GetMapping("/boom")
    Mono<String> boom() {
        throw new IllegalStateException("NullPointer near 11010519491231002X in com.example.Repository");
    }
}
