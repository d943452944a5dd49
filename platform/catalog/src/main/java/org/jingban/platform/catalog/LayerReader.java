package org.jingban.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads one layer file into typed values, recording every problem instead of stopping at the first. */
final class LayerReader {

    static final String START = "申请";
    static final String END = "办结";

    private final List<String> problems;
    private String file;
    private String item;

    LayerReader(List<String> problems) {
        this.problems = problems;
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** @return the layer, or {@code null} when the file cannot be read at all */
    Layer read(ClassLoader loader, String basePath, String file) {
        this.file = file;
        this.item = null;
        Object document;
        try (InputStream in = loader.getResourceAsStream(basePath + "/" + file)) {
            if (in == null) {
                problem(null, "file is listed in layers.yaml but not found");
                return null;
            }
            document = yaml().load(in);
        } catch (IOException | RuntimeException e) {
            problem(null, "not readable YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
        if (!(document instanceof Map<?, ?> root)) {
            problem(null, "not a YAML mapping");
            return null;
        }
        Layer.Level level = level(root.get("layer"));
        String region = string(root, "region");
        if (region == null || !region.matches("\\d{6}")) {
            problem("region", region + " is not a 6-digit 医保区划 code");
            region = "000000";
        } else if (level == Layer.Level.PROVINCE && !region.endsWith("0000")) {
            problem("region", region + " is not a province code (must end in 0000)");
        } else if (level == Layer.Level.REGION && region.endsWith("0000")) {
            problem("region", region + " is a province code; a region layer needs a region");
        }
        Map<String, Office> offices = new LinkedHashMap<>();
        for (Map<?, ?> map : maps(root, "offices")) {
            Office office = office(map);
            if (office != null && offices.put(office.id(), office) != null) {
                problem("offices", "office " + office.id() + " is defined twice");
            }
        }
        List<MainItem> mainItems = new ArrayList<>();
        for (Map<?, ?> map : maps(root, "mainItems")) {
            mainItems.add(mainItem(map));
        }
        List<Layer.Entry> items = entries(root, "items");
        List<Layer.Entry> overrides = entries(root, "overrides");
        duplicates(items, overrides);
        this.item = null;
        List<Layer.CommonMaterial> common = new ArrayList<>();
        for (Map<?, ?> m : maps(root, "commonMaterials")) {
            String name = string(m, "name");
            String from = string(m, "fromItem");
            if (name == null || from == null) {
                problem("commonMaterials", "a common material needs a name and the item it applies from (fromItem)");
                continue;
            }
            common.add(new Layer.CommonMaterial(new Material(name, integer(m, "form", "commonMaterials.form"),
                    string(m, "condition"), string(m, "note")), from, string(m, "rule")));
        }
        List<BundleDefinition> bundles = new ArrayList<>();
        for (Map<?, ?> b : maps(root, "bundles")) {
            BundleDefinition bundle = bundle(b, region);
            if (bundle != null) {
                bundles.add(bundle);
            }
        }
        this.item = null;
        return new Layer(file, level, region, string(root, "name"), string(root, "source"), string(root, "office"),
                offices, mainItems, items, overrides, strings(root, "services"), List.copyOf(common), List.copyOf(bundles));
    }

    /** One 一件事 of the layer: code, name, owner, kind, steps, time limit and parts are required. */
    private BundleDefinition bundle(Map<?, ?> map, String region) {
        String code = string(map, "code");
        this.item = code;
        if (code == null || string(map, "name") == null || string(map, "owner") == null) {
            problem("bundles", "a bundle needs a code, a name and an owner");
            return null;
        }
        CaseKind kind = label(map, "kind", CaseKind::ofLabel, "is not 即办件 or 承诺件");
        List<String> steps = strings(map, "steps");
        if (steps.size() < 2 || !START.equals(steps.get(0)) || !END.equals(steps.get(steps.size() - 1))) {
            problem("steps", "a bundle's steps run from 申请 to 办结");
        }
        TimeLimit limit = map.get("timeLimit") == null ? null : timeLimit(map.get("timeLimit"));
        if (limit == null || limit.workingDays() == null) {
            problem("timeLimit", "a bundle needs a promised limit in working days");
        }
        List<BundleDefinition.Part> parts = new ArrayList<>();
        for (Map<?, ?> p : maps(map, "parts")) {
            String mode = string(p, "mode");
            if (string(p, "name") == null || string(p, "service") == null
                    || !("apply".equals(mode) || "enabled".equals(mode))) {
                problem("parts", "a part needs a name, a service and a mode (apply or enabled)");
                continue;
            }
            String province = string(p, "insuredInProvince");
            if (province != null && !province.matches("\\d{2}0000")) {
                problem("parts.insuredInProvince", province + " is not a province code");
            }
            parts.add(new BundleDefinition.Part(string(p, "name"), string(p, "service"), string(p, "caseType"),
                    "apply".equals(mode) ? BundleDefinition.Mode.APPLY : BundleDefinition.Mode.ENABLED,
                    strings(p, "items"), strings(p, "conditions"), province, strings(p, "diseases"), string(p, "basis")));
        }
        if (parts.stream().noneMatch(p -> p.mode() == BundleDefinition.Mode.APPLY)) {
            problem("parts", "a bundle needs at least one part applied for");
        }
        List<BundleDefinition.Efficiency> efficiency = new ArrayList<>();
        for (Map<?, ?> e : maps(map, "efficiency")) {
            efficiency.add(new BundleDefinition.Efficiency(string(e, "measure"), string(e, "single"), string(e, "bundled"),
                    string(e, "text")));
        }
        return new BundleDefinition(code, string(map, "name"), string(map, "title"), string(map, "owner"), region,
                string(map, "servedParty"), kind, steps, limit, string(map, "onSiteVisits"), string(map, "onlineDepth"),
                string(map, "reviewType"), string(map, "applicability"), string(map, "consultComplaint"), efficiency,
                parts, null, string(map, "source"));
    }

    private Layer.Level level(Object value) {
        if ("national".equals(value)) {
            return Layer.Level.NATIONAL;
        }
        if ("province".equals(value)) {
            return Layer.Level.PROVINCE;
        }
        if ("region".equals(value)) {
            return Layer.Level.REGION;
        }
        problem("layer", value + " is not one of national, province, region");
        return Layer.Level.REGION;
    }

    private void duplicates(List<Layer.Entry> items, List<Layer.Entry> overrides) {
        Set<String> seen = new LinkedHashSet<>();
        List<Layer.Entry> all = new ArrayList<>(items);
        all.addAll(overrides);
        for (Layer.Entry entry : all) {
            if (!seen.add(entry.code())) {
                this.item = entry.code();
                problem("code", "duplicate item code in this layer");
            }
        }
    }

    private List<Layer.Entry> entries(Map<?, ?> root, String key) {
        List<Layer.Entry> entries = new ArrayList<>();
        for (Map<?, ?> map : maps(root, key)) {
            this.item = null;
            String code = string(map, "code");
            if (code == null || code.isBlank()) {
                problem(key + ".code", "an entry has no item code");
                continue;
            }
            this.item = code;
            entries.add(new Layer.Entry(code, fields(map)));
        }
        this.item = null;
        return entries;
    }

    /** The fields Jingban uses; other keys (stepDetails, remarks, guide, riskPoints …) document the source. */
    private Map<String, Object> fields(Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : List.of("name", "mainItemCode", "mainItemName", "service", "servedParty", "description",
                "localCode", "office")) {
            if (map.containsKey(key)) {
                fields.put(key, string(map, key));
            }
        }
        for (String key : List.of("conditions", "requiredFields")) {
            if (map.containsKey(key)) {
                fields.put(key, strings(map, key));
            }
        }
        if (map.containsKey("steps")) {
            List<String> steps = strings(map, "steps");
            if (steps.isEmpty() || !START.equals(steps.get(0)) || !END.equals(steps.get(steps.size() - 1))) {
                problem("steps", steps + " does not start with " + START + " and end with " + END);
            }
            fields.put("steps", steps);
        }
        if (map.containsKey("kind")) {
            fields.put("kind", label(map, "kind", CaseKind::ofLabel, "is not a 办件类型 (即办件/承诺件)"));
        }
        if (map.containsKey("riskLevel")) {
            fields.put("riskLevel", label(map, "riskLevel", RiskLevel::ofLabel, "is not a known risk label"));
        }
        if (map.containsKey("timeLimit")) {
            fields.put("timeLimit", timeLimit(map.get("timeLimit")));
        }
        if (map.containsKey("stageLimits")) {
            List<StageLimit> limits = new ArrayList<>();
            for (Map<?, ?> m : maps(map, "stageLimits")) {
                limits.add(new StageLimit(string(m, "stage"), days(m, "workingDays", "stageLimits.workingDays"),
                        string(m, "text"), string(m, "source")));
            }
            fields.put("stageLimits", limits);
        }
        if (map.containsKey("materials")) {
            List<Material> materials = new ArrayList<>();
            for (Map<?, ?> m : maps(map, "materials")) {
                if (string(m, "name") == null) {
                    problem("materials.name", "a material has no name");
                }
                materials.add(new Material(string(m, "name"), integer(m, "form", "materials.form"),
                        string(m, "condition"), string(m, "note")));
            }
            fields.put("materials", materials);
        }
        if (map.containsKey("templates")) {
            List<MessageTemplate> templates = new ArrayList<>();
            for (Map<?, ?> m : maps(map, "templates")) {
                String text = string(m, "text");
                if (text == null || !text.contains(MessageTemplate.SIGNATURE)) {
                    problem("templates." + string(m, "event"), "template has no " + MessageTemplate.SIGNATURE);
                }
                templates.add(new MessageTemplate(string(m, "event"), text, strings(m, "placeholders")));
            }
            fields.put("templates", templates);
        }
        if (map.containsKey("forms")) {
            List<Integer> forms = new ArrayList<>();
            Object value = map.get("forms");
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Integer i) {
                        forms.add(i);
                    } else {
                        problem("forms", o + " is not a form number");
                    }
                }
            } else {
                problem("forms", "is not a list");
            }
            fields.put("forms", forms);
        }
        return fields;
    }

    private TimeLimit timeLimit(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problem("timeLimit", "is not a mapping");
            return null;
        }
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        Object groups = map.get("byGroup");
        if (groups instanceof Map<?, ?> g) {
            for (Map.Entry<?, ?> e : g.entrySet()) {
                Integer days = checkDays(e.getValue(), "timeLimit.byGroup." + e.getKey());
                if (days != null) {
                    byGroup.put(String.valueOf(e.getKey()), days);
                }
            }
        } else if (groups != null) {
            problem("timeLimit.byGroup", "is not a mapping");
        }
        return new TimeLimit(days(map, "workingDays", "timeLimit.workingDays"), byGroup,
                integer(map, "naturalMonths", "timeLimit.naturalMonths"),
                days(map, "statutoryWorkingDays", "timeLimit.statutoryWorkingDays"), string(map, "text"));
    }

    private Integer days(Map<?, ?> map, String key, String field) {
        return checkDays(map.get(key), field);
    }

    private Integer checkDays(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer days) || days < 0) {
            problem(field, value + " is not a number of working days");
            return null;
        }
        return days;
    }

    private Integer integer(Map<?, ?> map, String key, String field) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number) || number < 0) {
            problem(field, value + " is not a non-negative number");
            return null;
        }
        return number;
    }

    private <T> T label(Map<?, ?> map, String key, Function<String, T> parse, String complaint) {
        String value = string(map, key);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, value + " " + complaint);
            return null;
        }
    }

    private Office office(Map<?, ?> map) {
        String id = string(map, "id");
        if (id == null) {
            problem("offices.id", "an office has no id");
            return null;
        }
        if (string(map, "name") == null) {
            problem("offices." + id + ".name", "an office needs a name (it signs the messages as 【经办机构落款】)");
        }
        Map<String, String> byItem = new LinkedHashMap<>();
        if (map.get("consultPhoneByItem") instanceof Map<?, ?> phones) {
            phones.forEach((k, v) -> byItem.put(String.valueOf(k), String.valueOf(v)));
        }
        return new Office(id, string(map, "name"), string(map, "address"), string(map, "hours"),
                string(map, "consultPhone"), byItem, string(map, "complaintPhone"));
    }

    private MainItem mainItem(Map<?, ?> map) {
        Integer seq = integer(map, "seq", "mainItems.seq");
        return new MainItem(string(map, "code"), string(map, "name"), seq == null ? 0 : seq,
                string(map, "service"), strings(map, "subItems"));
    }

    private List<Map<?, ?>> maps(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        List<Map<?, ?>> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "is not a list");
            return result;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                result.add(m);
            } else {
                problem(key, o + " is not a mapping");
            }
        }
        return result;
    }

    private List<String> strings(Map<?, ?> map, String key) {
        Object value = map.get(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "is not a list");
            return result;
        }
        for (Object o : list) {
            result.add(String.valueOf(o));
        }
        return result;
    }

    private String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problem(key, "is not a text");
            return null;
        }
        return String.valueOf(value);
    }

    private void problem(String field, String message) {
        problems.add(Catalog.problem(file, item, field, message));
    }
}
