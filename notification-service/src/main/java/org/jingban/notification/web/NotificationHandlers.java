package org.jingban.notification.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.InboxMessage;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.digest.DigestService;
import org.jingban.notification.digest.StaffDigest;
import org.jingban.notification.message.Delivery;
import org.jingban.notification.message.DeliveryStatus;
import org.jingban.notification.message.Dispatcher;
import org.jingban.notification.message.Notification;
import org.jingban.notification.recipient.ContactBook;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.cases.Party;
import org.jingban.platform.service.openapi.BodyExample;
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 消息: the applicant's inbox and contact preferences; for ops the local outbox, dead letters and staff digests. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "消息推送", description = "站内信、推送渠道偏好、本地发件箱、死信与每日到期提醒")
public class NotificationHandlers {

    static final int MAX_PAGE_SIZE = 100;

    private final ReactiveMongoTemplate mongo;
    private final ContactBook contacts;
    private final Dispatcher dispatcher;
    private final DigestService digests;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    public NotificationHandlers(ReactiveMongoTemplate mongo, ContactBook contacts,
                                Dispatcher dispatcher, DigestService digests, AuditTrail audit,
                                java.time.Clock clock) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.dispatcher = dispatcher;
        this.digests = digests;
        this.audit = audit;
        this.clock = clock;
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    public record ContactRequest(String mobile, String wechatOpenId, String alipayUserId,
                                 @OneOf(of = ChannelKind.class, byName = true) String preferredChannel) {
    }

    /**
     * {@code mobileSource}: the records the mobile comes from — 参保登记 (a person's), 单位参保登记 (a unit's), 医保协议
     * (an institution's) — or 本人填写 (a unit's or institution's own entry, before its records gave a phone).
     */
    public record ContactView(String mobile, String mobileSource, boolean wechat, boolean alipay,
                              ChannelKind preferredChannel) {
    }

    public record OutboxView(String id, String provider, String channel, String method, String endpoint,
                             Map<String, Object> request, String text, String caseNumber, String itemCode,
                             String templateEvent, String regionCode, String address, java.time.Instant sentAt) {
    }

    public record DeadLetterView(String notificationId, String caseNumber, String itemCode, String templateEvent,
                                 String regionCode, String problem, List<DeadDelivery> deliveries,
                                 java.time.Instant createdAt) {
    }

    public record DeadDelivery(ChannelKind channel, int attempts, String lastError) {
    }

    @GetMapping("/me")
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION})
    @Operation(summary = "我的站内信（分页，最新在前）")
    public Mono<PageOf<InboxMessage>> myInbox(@RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size, Caller caller) {
        checkPage(page, size);
        Query query = new Query(Criteria.where("recipientId").is(partyOf(caller)));
        return page(query, Sort.by(Sort.Direction.DESC, "createdAt"), page, size, InboxMessage.class, m -> m);
    }

    @GetMapping("/me/contact")
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION})
    @Operation(summary = "我的接收方式", description = "手机号（已脱敏）及其来源：参保人员的手机号取自参保登记的联系电话，"
            + "单位的取自单位参保登记的经办人员联系电话，定点医药机构的取自医保协议的联系人手机号")
    public Mono<ContactView> myContact(Caller caller) {
        return contacts.find(partyOf(caller))
                .map(NotificationHandlers::view)
                .switchIfEmpty(Mono.just(new ContactView(null, null, false, false, null)));
    }

    @PutMapping("/me/contact")
    @BodyExample({"mobile=null", "preferredChannel=INBOX", "wechatOpenId=oAbC1234567890example", "alipayUserId=2088000000000001"})
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION})
    @Operation(summary = "设置接收方式：微信 openid、支付宝用户 id 与首选渠道（SMS、WECHAT、ALIPAY、INBOX）",
            description = "参保人员的手机号取自参保登记（参保信息变更登记、电话号码新增和更改可变更），此处不接收；"
                    + "单位与机构的手机号取自单位参保登记与医保协议，仅在其登记信息尚无联系电话时可在此填写")
    public Mono<ContactView> setContact(@RequestBody ContactRequest request, Caller caller) {
        String partyId = partyOf(caller);
        boolean person = caller.party().map(o -> o.kind() == Owner.Kind.PERSON).orElse(false);
        return contacts.find(partyId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(stored -> {
                    List<Violation> violations = new ArrayList<>();
                    boolean mobileGiven = request.mobile() != null && !request.mobile().isBlank();
                    boolean fromRecords = stored.map(RecipientContact::mobileFromRecords).orElse(false);
                    if (mobileGiven && person) {
                        violations.add(new Violation("mobile", "from-records",
                                "参保人员的手机号以参保登记的联系电话为准，请通过参保信息变更登记或电话号码新增和更改办理"));
                    } else if (mobileGiven && fromRecords) {
                        violations.add(new Violation("mobile", "from-records", caller.party()
                                .map(o -> o.kind() == Owner.Kind.INSTITUTION).orElse(false)
                                ? "定点医药机构的手机号以医保协议的联系人手机号为准，请通过定点医药机构信息变更办理"
                                : "单位的手机号以单位参保登记的经办人员联系电话为准，请通过单位参保信息变更登记办理"));
                    } else if (mobileGiven && !MobileNumber.isValid(request.mobile().strip())) {
                        violations.add(new Violation("mobile", "invalid", "手机号码格式不正确"));
                    }
                    ChannelKind preferred = null;
                    if (request.preferredChannel() != null && !request.preferredChannel().isBlank()) {
                        try {
                            preferred = ChannelKind.valueOf(request.preferredChannel().strip());
                        } catch (IllegalArgumentException e) {
                            violations.add(new Violation("preferredChannel", "invalid",
                                    "首选渠道应为 SMS、WECHAT、ALIPAY 或 INBOX 之一"));
                        }
                    }
                    boolean ownMobile = mobileGiven && !person && !fromRecords;
                    String mobile = ownMobile ? request.mobile().strip() : stored.map(RecipientContact::mobile).orElse(null);
                    if (preferred != null && violations.isEmpty() && preferred != ChannelKind.INBOX
                            && blank(address(request, preferred, mobile))) {
                        violations.add(new Violation(addressField(preferred), "required", preferred == ChannelKind.SMS
                                && person ? "参保登记中没有手机号，无法选择短信；请先办理电话号码变更"
                                : preferred == ChannelKind.SMS && fromRecords ? "登记信息中的联系电话不是手机号，无法选择短信"
                                : "选择" + preferred.label() + "时须提供接收地址"));
                    }
                    if (!violations.isEmpty()) {
                        return Mono.error(ProblemException.validation(violations));
                    }
                    return contacts.saveOwn(partyId, trim(request.wechatOpenId()), trim(request.alipayUserId()),
                            preferred, ownMobile ? request.mobile().strip() : null);
                })
                .map(NotificationHandlers::view);
    }

    @GetMapping("/outbox")
    @Access(Role.OPS)
    @Operation(summary = "本地发件箱（运维）：各渠道适配器按服务商格式发出的请求，分页，最新在前")
    public Mono<PageOf<OutboxView>> outbox(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam(required = false) String channel,
                                           @RequestParam(required = false) String caseNumber, Caller caller) {
        checkPage(page, size);
        Query query = new Query();
            if (channel != null && !channel.isBlank()) {
                query.addCriteria(Criteria.where("channel").is(channel.strip()));
            }
            if (caseNumber != null && !caseNumber.isBlank()) {
                query.addCriteria(Criteria.where("caseNumber").is(caseNumber.strip()));
            }
        // Each message shown is a read of its recipient's data by staff: one audit line each.
        return page(query, Sort.by(Sort.Direction.DESC, "sentAt"), page, size, SinkRecord.class, r -> r)
                .flatMap(found -> reactor.core.publisher.Flux.fromIterable(found.items())
                        .filter(r -> r.recipientId() != null)
                        .concatMap(r -> audit.read(caller, owner(r), "消息发件箱", r.id()))
                        .then(Mono.just(new PageOf<>(found.items().stream().map(NotificationHandlers::view).toList(),
                                found.page(), found.size(), found.total()))));
    }

    @GetMapping("/dead-letters")
    @Access(Role.OPS)
    @Operation(summary = "死信（运维）：无法生成的消息与多次发送失败的渠道")
    public Mono<PageOf<DeadLetterView>> deadLetters(@RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        Query query = new Query(new Criteria().orOperator(Criteria.where("problem").ne(null),
                Criteria.where("deliveries.status").is(DeliveryStatus.DEAD.name())));
        return page(query, Sort.by(Sort.Direction.DESC, "createdAt"), page, size, Notification.class,
                NotificationHandlers::deadLetter);
    }

    @PostMapping("/dead-letters/{notificationId}/retry")
    @Access(Role.OPS)
    @Operation(summary = "重发死信（运维）：该渠道重新计数并立即发送")
    public Mono<Map<String, Object>> retry(@PathVariable String notificationId,
            @io.swagger.v3.oas.annotations.Parameter(description = "渠道",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ChannelKind.class))
            @RequestParam String channel) {
        ChannelKind kind;
        try {
            kind = ChannelKind.valueOf(channel.strip());
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.validation(List.of(new Violation("channel", "invalid",
                    "渠道应为 SMS、WECHAT、ALIPAY 或 INBOX 之一"))));
        }
        return Mono.fromCallable(() -> dispatcher.revive(notificationId, kind))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(revived -> revived ? Mono.just(Map.<String, Object>of("notificationId", notificationId,
                        "channel", kind, "status", DeliveryStatus.PENDING))
                        : Mono.error(ProblemException.conflict("该消息在此渠道上不是死信")));
    }

    @GetMapping("/digests")
    @Access({Role.OPS, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    @Operation(summary = "每日到期提醒：某医保区划的超期与即将到期办件（运维或服务该区划的经办人员）")
    public Mono<PageOf<StaffDigest>> digests(@RequestParam String regionCode,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size, Caller caller) {
        List<Violation> violations = pageViolations(page, size);
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            violations.add(new Violation("regionCode", "invalid", "医保区划代码应为6位数字"));
        }
        if (!violations.isEmpty()) {
            return Mono.error(ProblemException.validation(violations));
        }
        if (!caller.has(Role.OPS) && !caller.serves(regionCode)) {
            return Mono.error(ProblemException.forbidden("无权查看该区划的到期提醒"));
        }
        return page(new Query(Criteria.where("regionCode").is(regionCode)), Sort.by(Sort.Direction.DESC, "date"),
                page, size, StaffDigest.class, d -> d);
    }

    private <T, V> Mono<PageOf<V>> page(Query query, Sort sort, int page, int size, Class<T> type,
                                        java.util.function.Function<T, V> view) {
        Mono<Long> total = mongo.count(Query.of(query).limit(0).skip(0), type);
        Query paged = Query.of(query).with(sort).skip((long) page * size).limit(size);
        return mongo.find(paged, type).map(view).collectList()
                .zipWith(total, (items, count) -> new PageOf<>(items, page, size, count));
    }

    /**
     * The party whose inbox and contact a caller reaches: the 证件号码, 统一社会信用代码 or 机构编码 of the token, which
     * is the {@code applicant.id} of the case events (the one place the caller's identity is read).
     */
    static String partyOf(Caller caller) {
        return caller.party().map(Owner::id)
                .orElseThrow(() -> ProblemException.forbidden("只有参保人、单位或机构本人可以使用站内信"));
    }

    private static void checkPage(int page, int size) {
        List<Violation> violations = pageViolations(page, size);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
    }

    private static List<Violation> pageViolations(int page, int size) {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Violation("page", "min", "页码不能小于0"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new Violation("size", "range", "每页条数应在1到" + MAX_PAGE_SIZE + "之间"));
        }
        return violations;
    }

    static Owner owner(SinkRecord r) {
        Party.Kind kind = r.recipientKind() == null ? Party.Kind.PERSON : r.recipientKind();
        return switch (kind) {
            case PERSON -> Owner.person(r.recipientId(), r.regionCode());
            case EMPLOYER -> Owner.unit(r.recipientId(), r.regionCode());
            case INSTITUTION -> Owner.institution(r.recipientId(), r.regionCode());
        };
    }

    static OutboxView view(SinkRecord r) {
        return new OutboxView(r.id(), r.provider(), r.channel(), r.method(), r.endpoint(), masked(r.request()),
                r.text(), r.caseNumber(), r.itemCode(), r.templateEvent(), r.regionCode(), maskAddress(r.address()),
                r.sentAt());
    }

    static DeadLetterView deadLetter(Notification n) {
        List<DeadDelivery> dead = n.getDeliveries().stream().filter(d -> d.getStatus() == DeliveryStatus.DEAD)
                .map(d -> new DeadDelivery(d.getChannel(), d.getAttempts(), d.getLastError())).toList();
        return new DeadLetterView(n.getId(), n.getCaseNumber(), n.getItemCode(), n.getTemplateEvent(),
                n.getRegionCode(), n.getProblem(), dead, n.getCreatedAt());
    }

    static ContactView view(RecipientContact c) {
        return new ContactView(c.mobile() == null ? null : Masking.mobile(c.mobile()),
                c.mobile() == null ? null : c.mobileSource(), !blank(c.wechatOpenId()), !blank(c.alipayUserId()),
                c.preferredChannel());
    }

    /** Phones and ID numbers in provider requests are masked for people (the stored request keeps them). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> masked(Map<String, Object> request) {
        Map<String, Object> out = new LinkedHashMap<>();
        request.forEach((key, value) -> out.put(key, value instanceof Map<?, ?> map
                ? masked((Map<String, Object>) map)
                : value instanceof String text ? Masking.maskText(text) : value));
        return out;
    }

    static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        if (MobileNumber.isValid(address)) {
            return Masking.mobile(address);
        }
        return address.length() <= 8 ? "****" : address.substring(0, 4) + "****" + address.substring(address.length() - 4);
    }

    private static String address(ContactRequest request, ChannelKind kind, String mobile) {
        return switch (kind) {
            case SMS -> mobile;
            case WECHAT -> request.wechatOpenId();
            case ALIPAY -> request.alipayUserId();
            case INBOX -> "inbox";
        };
    }

    private static String addressField(ChannelKind kind) {
        return switch (kind) {
            case SMS -> "mobile";
            case WECHAT -> "wechatOpenId";
            case ALIPAY -> "alipayUserId";
            case INBOX -> "preferredChannel";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
