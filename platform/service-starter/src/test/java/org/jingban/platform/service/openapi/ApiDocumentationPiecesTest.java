package org.jingban.platform.service.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

class ApiDocumentationPiecesTest {

    record Form(@OneOf(of = Form.class, field = "KINDS") String kind) {
        static final List<String> KINDS = List.of("新增", "变更");
    }

    @Test
    void example_values_by_field_name_are_valid_identifiers_and_money_strings() {
        Schema<?> id = new ObjectSchema().addProperty("证件类型", new StringSchema()).addProperty("证件号码", new StringSchema());
        Schema<?> form = new ObjectSchema()
                .addProperty("姓名", new StringSchema())
                .addProperty("证件类型及号码", new Schema<>().$ref("#/components/schemas/IdDocument"))
                .addProperty("统一社会信用代码", new StringSchema())
                .addProperty("金额", new StringSchema())
                .addProperty("类别", new StringSchema()._enum(List.of("甲类", "乙类")))
                .addProperty("是否具有医保管理制度", new BooleanSchema())
                .addProperty("申请材料", new ArraySchema().items(new StringSchema()));
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) new ExampleBodies(Map.of("IdDocument", id)).of(form);

        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) example.get("证件类型及号码");
        assertThat(ResidentIdNumber.isValid((String) document.get("证件号码"))).isTrue();
        assertThat(document.get("证件类型")).isEqualTo("居民身份证");
        assertThat(UnifiedSocialCreditCode.isValid((String) example.get("统一社会信用代码"))).isTrue();
        assertThat(example.get("金额")).isEqualTo("100.00");
        assertThat(example.get("类别")).isEqualTo("甲类");
        assertThat(example.get("是否具有医保管理制度")).isEqualTo(true);
        assertThat(example.get("姓名")).isEqualTo("张三");
        assertThat(example.get("申请材料")).isEqualTo(List.of("示例"));
    }

    /**
     * The documented example is the person applying themself: a 被委托人 (委托办理) would also need the 授权委托书 and both
     * identity documents (seed 001 row 2), so the example leaves the optional block out.
     */
    @Test
    void the_example_leaves_the_delegate_block_out() {
        Schema<?> form = new ObjectSchema().addProperty("姓名", new StringSchema())
                .addProperty("被委托人", new Schema<>().$ref("#/components/schemas/Delegate"));
        Schema<?> delegate = new ObjectSchema().addProperty("姓名", new StringSchema())
                .addProperty("联系电话", new StringSchema());
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) new ExampleBodies(Map.of("Delegate", delegate)).of(form);
        assertThat(example).containsOnlyKeys("姓名");
    }

    @Test
    void body_example_overrides_set_nested_values_numbers_quoted_text_and_remove_with_null() {
        Map<String, Object> example = Map.of("业务类型", "普通门诊", "票据", List.of(Map.of("票据号码", "A1", "票据金额", "1.00")),
                "流产妊娠月数", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = (Map<String, Object>) ExampleBodies.override(example, List.of(
                "业务类型=普通住院", "票据[1].票据号码=A2", "结算单.医疗总费用=1200.00", "转入地医保(行政)区划代码=620100", "承诺=true",
                "流产妊娠月数=null"));

        assertThat(changed.get("业务类型")).isEqualTo("普通住院");
        assertThat((List<?>) changed.get("票据")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) changed.get("票据")).get(1)).get("票据号码")).isEqualTo("A2");
        assertThat(((Map<?, ?>) ((List<?>) changed.get("票据")).get(1)).get("票据金额")).isEqualTo("1.00");
        assertThat(((Map<?, ?>) changed.get("结算单")).get("医疗总费用")).isEqualTo("1200.00");
        assertThat(changed.get("转入地医保(行政)区划代码")).isEqualTo("620100"); // codes are digit strings
        assertThat(changed.get("承诺")).isEqualTo(true);
        assertThat(changed).doesNotContainKey("流产妊娠月数");
        assertThat(example).containsEntry("业务类型", "普通门诊"); // the schema's example is not changed
    }

    @Test
    void one_of_reads_the_constant_the_form_checks_and_enum_labels_or_names() throws Exception {
        OneOf kinds = Form.class.getRecordComponents()[0].getAnnotation(OneOf.class);
        assertThat(OneOfDocumentation.options(kinds)).containsExactly("新增", "变更");

        record Labels(@OneOf(of = Channel.class) String a, @OneOf(of = Channel.class, byName = true) String b,
                      @OneOf(of = Form.class, field = "NO_SUCH") String c) {
        }
        var components = Labels.class.getRecordComponents();
        assertThat(OneOfDocumentation.options(components[0].getAnnotation(OneOf.class))).contains("政务服务网", "窗口");
        assertThat(OneOfDocumentation.options(components[1].getAnnotation(OneOf.class))).contains("PORTAL", "WINDOW");
        assertThatThrownBy(() -> OneOfDocumentation.options(components[2].getAnnotation(OneOf.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NO_SUCH");
    }

    @Test
    void nested_types_are_named_with_their_enclosing_type() {
        NestedTypeNames names = new NestedTypeNames();
        assertThat(names.getNameOfClass(Form.class)).isEqualTo("ApiDocumentationPiecesTest.Form");
        assertThat(names.getNameOfClass(String.class)).isEqualTo("String");
    }
}
