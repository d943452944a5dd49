package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.signing.CanonicalJson;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.platform.signing.Sm2;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.junit.jupiter.api.Test;

/**
 * 转移接续 from Songpan (四川 513224) into Wuwei (620600) through the gateway and the national-platform adapter, on the
 * packaged services: the person applies at the 转入地 through the gateway, the Wuwei clerk accepts, transfer-service
 * sends the 联系函 to the national platform's topic, and this test plays Sichuan there — it answers with 表10 signed by
 * Songpan's office key (the test peer whose certificate the stack's transfer-service trusts,
 * {@code jingban.signing.trusted-certificates} in {@link LocalStack}) and the funds. Wuwei verifies the seal, credits
 * the periods and the exact balance at the real enrollment-service once (the envelope comes twice), and the case ends
 * 办结. Seed 002 §十一: 跨省转移接续 through the national platform (国家医保信息平台).
 */
class SongpanToWuweiThroughGatewayTest extends E2eTest {

    static final String SONGPAN = "513224";
    static final String NATIONAL = "jingban.national.transfer";
    static final Path PEER = LocalStack.root().resolve("transfer-service/src/test/resources");

    @Test
    @SuppressWarnings("unchecked")
    void a_person_moves_from_songpan_to_wuwei_through_the_gateway_and_the_national_platform() throws Exception {
        // Wuwei: the person is insured there as a 灵活就业人员 (即办件)
        String id = newIdNumber(1987);
        String person = api.person(id);
        Map<String, Object> flexible = new LinkedHashMap<>();
        flexible.put("人员类别", "灵活就业人员");
        flexible.put("参保险种", EMPLOYEE);
        flexible.put("参保地区", WUWEI);
        flexible.put("人员明细", List.of(employeeRow("周八", id, "3000.00", "增加")));
        flexible.put("申请材料", List.of("《职工基本医疗保险参保登记表》", "有效身份证件"));
        api.post("/api/v1/enrollment/employees", person, flexible).expect(201);
        stack.awaitConsumed("transfer-enrollment", EnrollmentTopics.EVENTS);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "周八");
        form.put("证件类型及号码", idDoc(id));
        form.put("联系电话", "13909351234");
        form.put("基本医疗保险类型", "职工医保");
        form.put("转出地机构地址", "四川省阿坝州松潘县医疗保障事业服务中心");
        form.put("转出地机构邮编", "623300");
        form.put("转出地医保(行政)区划代码", SONGPAN);
        form.put("转入地机构地址", "甘肃省武威市凉州区医疗保障事业服务中心");
        form.put("转入地机构邮编", "733000");
        form.put("转入地医保(行政)区划代码", WUWEI);
        form.put("申请材料", TransferWuweiToLanzhouTest.TRANSFER_MATERIALS);

        try (EventProbe national = stack.infrastructure.probe(NATIONAL)) {
            Map<String, Object> submitted = api.post("/api/v1/transfer/transfers", person, form).expect(202);
            String caseNumber = (String) submitted.get("caseNumber");
            String transferId = (String) submitted.get("transferId");
            api.post("/api/v1/transfer/cases/" + caseNumber + "/accept", api.clerk(WUWEI), Map.of()).expect(200);

            // Sichuan receives the 联系函 in the national envelope
            CloudEventRecord letter = national.awaitEvent(r -> r.dataJson() != null && r.dataJson().contains(transferId)
                    && r.dataJson().contains("\"LXH\""), Duration.ofMinutes(2));
            Map<String, Object> letterEnvelope = EventJson.read(letter.dataJson(), Map.class);
            assertThat(letterEnvelope.get("recvProvince")).isEqualTo("510000");

            // … and answers: Songpan releases 2015-01…2026-10 and 2345.67, 表10 signed with its office key
            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("表", "表10 参保人员基本医疗保险信息表");
            sheet.put("转移编号", transferId);
            sheet.put("参保人员姓名", "周八");
            sheet.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
            sheet.put("参保缴费记录", List.of(Map.of("序号", 1, "时间自", "2015-01", "时间至", "2026-10",
                    "基本医疗保险类型", "职工医保", "参保缴费月数小计", 142, "统筹地区经办机构名称", "松潘县医疗保障事业服务中心",
                    "统筹地区经办机构行政区划代码", SONGPAN, "备注", "在职职工")));
            sheet.put("参保缴费月数合计", 142);
            sheet.put("基本医疗保险个人账户实际转出资金", Map.of("大写", "贰仟叁佰肆拾伍元陆角柒分", "小写", "2345.67"));
            var certificate = Sm2.certificateFromPem(Files.readString(PEER.resolve("national-trust/513224.pem")));
            var key = Sm2.privateKeyFromPem(Files.readString(PEER.resolve("national-peer/513224-key.pem")));
            ElectronicSeal seal = new ElectronicSeal(Sm2.ALGORITHM, SONGPAN, "松潘县医疗保障事业服务中心（测试）",
                    certificate.getSerialNumber().toString(16), Instant.now(),
                    Base64.getEncoder().encodeToString(Sm2.sign(key, CanonicalJson.bytes(sheet))));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("transferId", transferId);
            body.put("fromRegionCode", SONGPAN);
            body.put("toRegionCode", WUWEI);
            body.put("sheet", sheet);
            body.put("seal", seal);
            body.put("funds", Map.of("amount", "2345.67", "fromRegionCode", SONGPAN, "toRegionCode", WUWEI,
                    "reference", "sc-entry-" + transferId));
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("msgId", UUID.randomUUID().toString());
            envelope.put("msgType", "XXB");
            envelope.put("sendProvince", "510000");
            envelope.put("recvProvince", "620000");
            envelope.put("sendRegion", SONGPAN);
            envelope.put("recvRegion", WUWEI);
            envelope.put("sendTime", Instant.now().toString());
            envelope.put("body", body);
            String json = EventJson.write(envelope);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                // the national platform may deliver a message twice
                producer.send(new ProducerRecord<>(NATIONAL, transferId, json)).get();
                producer.send(new ProducerRecord<>(NATIONAL, transferId, json)).get();
            }

            eventually("转移接续办结", () -> "COMPLETED".equals(
                    api.get("/api/v1/transfer/cases/" + caseNumber, person).expect(200).get("status")) ? caseNumber : null);
            Map<String, Object> after = eventually("the balance credited in Wuwei", () -> {
                Map<String, Object> q = personQuery(person, id);
                Map<String, Object> account = Api.map(q.get("account"));
                return account != null && new BigDecimal((String) account.get("balance")).signum() > 0 ? q : null;
            });
            Map<String, Object> account = Api.map(after.get("account"));
            assertThat(new BigDecimal((String) account.get("balance"))).isEqualByComparingTo("2345.67");
            assertThat(Api.maps(account.get("entries"))).filteredOn(e -> "TRANSFER_IN".equals(e.get("kind"))).hasSize(1);
            assertThat(Api.maps(insurance(after, EMPLOYEE, WUWEI).get("periods")))
                    .anySatisfy(period -> {
                        assertThat(period.get("from")).isEqualTo("2015-01");
                        assertThat(period.get("regionCode")).isEqualTo(SONGPAN);
                    });
            Map<String, Object> view = api.get("/api/v1/transfer/transfers/" + caseNumber, api.clerk(WUWEI)).expect(200);
            assertThat(view.get("state")).isEqualTo("CREDITED");
        }
    }
}
