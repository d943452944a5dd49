package org.jingban.platform.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The items of one chain of layers (national → province → region), merged field by field. */
record View(List<Layer> chain, Map<String, Merged> items, Map<String, Office> offices, Office defaultOffice,
            List<MainItem> mainItems) {

    private static final List<String> REQUIRED = List.of("name", "service", "kind", "steps", "timeLimit");

    /** One item while merging: a more specific layer replaces whole fields. */
    static final class Merged {
        final String code;
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<String> sources = new ArrayList<>();
        final String definedIn;
        String officeId;

        Merged(String code, String definedIn) {
            this.code = code;
            this.definedIn = definedIn;
        }

        void apply(Layer layer, Layer.Entry entry) {
            fields.putAll(entry.fields());
            if (entry.fields().containsKey("office")) {
                officeId = (String) entry.fields().get("office");
            }
            if (layer.source() != null && !sources.contains(layer.source())) {
                sources.add(layer.source());
            }
        }
    }

    static View resolve(List<Layer> chain, List<String> problems) {
        Map<String, Merged> items = new LinkedHashMap<>();
        Map<String, Office> offices = new HashMap<>();
        String defaultOffice = null;
        List<MainItem> mainItems = List.of();
        for (Layer layer : chain) {
            offices.putAll(layer.offices());
            if (layer.officeId() != null) {
                if (!offices.containsKey(layer.officeId())) {
                    problems.add(Catalog.problem(layer.file(), null, "office",
                            "office " + layer.officeId() + " is not defined in this layer or below"));
                }
                defaultOffice = layer.officeId();
                // a layer's office handles everything offered in its area unless an item names another
                for (Merged merged : items.values()) {
                    merged.officeId = defaultOffice;
                }
            }
            for (Layer.Entry entry : layer.items()) {
                Merged existing = items.get(entry.code());
                if (existing != null) {
                    problems.add(Catalog.problem(layer.file(), entry.code(), "code",
                            "duplicate item code: already defined by " + existing.definedIn + " (use overrides)"));
                    continue;
                }
                for (String field : REQUIRED) {
                    if (entry.fields().get(field) == null) {
                        problems.add(Catalog.problem(layer.file(), entry.code(), field, "missing; an item defined here needs it"));
                    }
                }
                Merged merged = new Merged(entry.code(), layer.file());
                merged.officeId = defaultOffice;
                merged.apply(layer, entry);
                items.put(entry.code(), merged);
            }
            for (Layer.Entry entry : layer.overrides()) {
                Merged merged = items.get(entry.code());
                if (merged == null) {
                    problems.add(Catalog.problem(layer.file(), entry.code(), "code",
                            "overlay for an unknown item code (no lower layer defines it)"));
                    continue;
                }
                merged.apply(layer, entry);
            }
            for (Layer.Entry entry : concat(layer.items(), layer.overrides())) {
                Object office = entry.fields().get("office");
                if (office != null && !offices.containsKey(office)) {
                    problems.add(Catalog.problem(layer.file(), entry.code(), "office",
                            "office " + office + " is not defined in this layer or below"));
                }
            }
            if (!layer.mainItems().isEmpty()) {
                mainItems = layer.mainItems();
                for (MainItem main : mainItems) {
                    for (String sub : main.subItems()) {
                        if (!items.containsKey(sub)) {
                            problems.add(Catalog.problem(layer.file(), sub, "mainItems." + main.code() + ".subItems",
                                    "main item lists an item that does not exist"));
                        }
                    }
                }
            }
        }
        for (Layer layer : chain) {
            for (Layer.CommonMaterial common : layer.commonMaterials()) {
                addCommonMaterial(common, items, mainItems, layer.file(), problems);
            }
        }
        return new View(chain, items, offices, defaultOffice == null ? null : offices.get(defaultOffice), mainItems);
    }

    /**
     * "（下同）": the material joins its item and every checklist item after it (in the order of the main items'
     * sub-items), after all layers have merged (a region replacing an item's materials keeps it), except where the
     * item names a material for the same condition itself (e.g. 松潘's own wording).
     */
    @SuppressWarnings("unchecked")
    private static void addCommonMaterial(Layer.CommonMaterial common, Map<String, Merged> items,
                                          List<MainItem> mainItems, String file, List<String> problems) {
        List<String> order = mainItems.stream().flatMap(m -> m.subItems().stream()).toList();
        int from = order.indexOf(common.fromItem());
        if (from < 0) {
            problems.add(Catalog.problem(file, common.fromItem(), "commonMaterials.fromItem",
                    "a common material applies from an item the checklist does not list"));
            return;
        }
        for (String code : order.subList(from, order.size())) {
            Merged merged = items.get(code);
            if (merged == null) {
                continue;
            }
            List<Material> materials = new ArrayList<>((List<Material>) merged.fields.getOrDefault("materials", List.of()));
            boolean own = materials.stream().anyMatch(m -> common.material().condition() != null
                    && common.material().condition().equals(m.condition()));
            if (!own) {
                materials.add(common.material());
                merged.fields.put("materials", List.copyOf(materials));
            }
        }
    }

    List<ItemDefinition> definitions(String regionCode) {
        Map<String, String> mainNames = new HashMap<>();
        mainItems.forEach(main -> mainNames.put(main.code(), main.name()));
        List<ItemDefinition> result = new ArrayList<>();
        for (Merged merged : items.values()) {
            Map<String, Object> f = merged.fields;
            String mainCode = (String) f.get("mainItemCode");
            String mainName = f.get("mainItemName") != null ? (String) f.get("mainItemName") : mainNames.get(mainCode);
            result.add(new ItemDefinition(merged.code, (String) f.get("name"), mainCode, mainName,
                    (String) f.get("service"), regionCode, (String) f.get("servedParty"),
                    (String) f.get("description"), list(f, "conditions"), (CaseKind) f.get("kind"), list(f, "steps"),
                    (TimeLimit) f.get("timeLimit"), list(f, "stageLimits"), (RiskLevel) f.get("riskLevel"),
                    list(f, "requiredFields"), list(f, "materials"), list(f, "templates"), list(f, "forms"),
                    merged.officeId == null ? null : offices.get(merged.officeId), (String) f.get("localCode"),
                    merged.sources));
        }
        return List.copyOf(result);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null ? List.of() : (List<T>) value;
    }

    private static List<Layer.Entry> concat(List<Layer.Entry> a, List<Layer.Entry> b) {
        List<Layer.Entry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
