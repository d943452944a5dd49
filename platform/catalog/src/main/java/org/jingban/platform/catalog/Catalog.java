package org.jingban.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 事项清单 as layered data: the national template (全国操作规范), overlaid by a province's checklist, overlaid by a
 * region's guide. A region resolves national → its own province (first two digits + 0000) → itself; a region without
 * its own layer resolves with its province's, and one in a province without any layer with the national template only.
 *
 * <p>Layers are listed by every {@code layers.yaml} under the base path on the class path, so another province deploys
 * by adding a jar with its own index and overlay files. Loading checks everything and reports every problem at once.
 * Instances are immutable and thread-safe.
 */
public final class Catalog {

    /** Where the bundled layers live on the class path. */
    public static final String BASE_PATH = "org/jingban/platform/catalog";
    /** The region code of the national template layer (全国). */
    public static final String NATIONAL_REGION = "000000";

    private static final String INDEX = "layers.yaml";

    private final Layer national;
    private final Map<String, Layer> provinces;
    private final Map<String, Layer> regions;
    private final Map<String, View> views;
    private final String defaultRegion;
    private final Map<String, List<ItemDefinition>> resolvedByRegion = new ConcurrentHashMap<>();
    private final Map<String, List<BundleDefinition>> bundlesByRegion = new ConcurrentHashMap<>();

    private Catalog(Layer national, Map<String, Layer> provinces, Map<String, Layer> regions, Map<String, View> views,
                    String defaultRegion) {
        this.national = national;
        this.provinces = provinces;
        this.regions = regions;
        this.views = views;
        this.defaultRegion = defaultRegion;
    }

    /** The layers bundled in this jar (and any other jar that adds a {@code layers.yaml} under {@link #BASE_PATH}). */
    public static Catalog load() {
        return load(Catalog.class.getClassLoader(), BASE_PATH);
    }

    /** The layers listed by the {@code layers.yaml} files under {@code basePath}; for tests with other resource trees. */
    public static Catalog load(ClassLoader loader, String basePath) {
        List<String> problems = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        Set<String> defaults = new LinkedHashSet<>();
        readIndexes(loader, basePath, files, defaults, problems);

        LayerReader reader = new LayerReader(problems);
        Layer national = null;
        Map<String, Layer> provinces = new LinkedHashMap<>();
        Map<String, Layer> regions = new LinkedHashMap<>();
        for (String file : files) {
            Layer layer = reader.read(loader, basePath, file);
            if (layer == null) {
                continue;
            }
            switch (layer.level()) {
                case NATIONAL -> {
                    if (national != null) {
                        problems.add(problem(file, null, "layer", "a second national layer (first: " + national.file() + ")"));
                    } else {
                        national = layer;
                    }
                }
                case PROVINCE -> addUnique(provinces, layer, problems);
                case REGION -> addUnique(regions, layer, problems);
            }
        }
        if (national == null) {
            problems.add(problem(basePath + "/" + INDEX, null, null, "no national layer is listed"));
            throw new CatalogException(problems);
        }
        String defaultRegion = defaults.size() == 1 ? defaults.iterator().next() : null;
        if (defaults.size() != 1) {
            problems.add(problem(INDEX, null, "defaultRegion", "the indexes name " + defaults.size()
                    + " default regions " + defaults + "; exactly one is needed"));
        }

        checkServices(national, provinces, regions, problems);
        Map<String, View> views = new LinkedHashMap<>();
        views.put(NATIONAL_REGION, View.resolve(List.of(national), problems));
        for (Layer province : provinces.values()) {
            views.put(province.region(), View.resolve(List.of(national, province), problems));
        }
        for (Layer region : regions.values()) {
            Layer province = provinces.get(region.province());
            List<Layer> chain = province == null ? List.of(national, region) : List.of(national, province, region);
            views.put(region.region(), View.resolve(chain, problems));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new Catalog(national, provinces, regions, views, defaultRegion);
    }

    /** The same catalog with another default region (a deployment for another province). */
    public Catalog withDefaultRegion(String regionCode) {
        return new Catalog(national, provinces, regions, views, checkRegion(regionCode));
    }

    /**
     * All items the layers know, one per code, each resolved at its home: the default region's if offered there,
     * else the first layer that offers it (the default province's regions first, then the others by code).
     */
    public List<ItemDefinition> items() {
        Map<String, ItemDefinition> all = new LinkedHashMap<>();
        for (ItemDefinition item : items(defaultRegion)) {
            all.put(item.code(), item);
        }
        String home = province(defaultRegion);
        List<String> others = new ArrayList<>(views.keySet());
        others.remove(NATIONAL_REGION);
        others.sort(Comparator.comparing((String r) -> !province(r).equals(home)).thenComparing(r -> r));
        others.add(NATIONAL_REGION);
        for (String region : others) {
            for (ItemDefinition item : items(region)) {
                all.putIfAbsent(item.code(), item);
            }
        }
        return List.copyOf(all.values());
    }

    /** The items offered in a region, resolved for it, in catalog order. */
    public List<ItemDefinition> items(String regionCode) {
        String region = checkRegion(regionCode);
        return resolvedByRegion.computeIfAbsent(region, r -> view(r).definitions(r));
    }

    /**
     * The item offered in the region; else, for a 一件事's code, the bundle as the case kernel's item (its own case,
     * steps and limit: {@link BundleDefinition#item()}). Bundles are not among {@link #items(String)}.
     */
    public Optional<ItemDefinition> find(String itemCode, String regionCode) {
        return items(regionCode).stream().filter(item -> item.code().equals(itemCode)).findFirst()
                .or(() -> bundle(itemCode, regionCode).map(BundleDefinition::item));
    }

    /**
     * The 一件事 offered in a region, resolved for it (its region code and office): those of the region's own layer,
     * then its province's, then the national layer's; one per code, the most specific first.
     */
    public List<BundleDefinition> bundles(String regionCode) {
        return bundlesByRegion.computeIfAbsent(checkRegion(regionCode), this::resolveBundles);
    }

    private List<BundleDefinition> resolveBundles(String region) {
        Office office = office(region).orElse(null);
        Map<String, BundleDefinition> found = new LinkedHashMap<>();
        for (Layer layer : new Layer[]{regions.get(region), provinces.get(province(region)), national}) {
            if (layer == null) {
                continue;
            }
            for (BundleDefinition b : layer.bundles()) {
                found.putIfAbsent(b.code(), new BundleDefinition(b.code(), b.name(), b.title(), b.owner(), region,
                        b.servedParty(), b.kind(), b.steps(), b.timeLimit(), b.onSiteVisits(), b.onlineDepth(),
                        b.reviewType(), b.applicability(), b.consultComplaint(), b.efficiency(), b.parts(), office,
                        b.source()));
            }
        }
        return List.copyOf(found.values());
    }

    public Optional<BundleDefinition> bundle(String code, String regionCode) {
        return bundles(regionCode).stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** @throws UnknownItemException when the item is not offered in the region */
    public ItemDefinition item(String itemCode, String regionCode) {
        return find(itemCode, regionCode).orElseThrow(() -> new UnknownItemException(itemCode, regionCode));
    }

    /** The region's own office, else its province's; empty where no layer names one. */
    public Optional<Office> office(String regionCode) {
        View view = view(checkRegion(regionCode));
        return Optional.ofNullable(view.defaultOffice());
    }

    /** 主项 of the province checklist that applies in the region (the most specific layer that lists any). */
    public List<MainItem> mainItems(String regionCode) {
        return view(checkRegion(regionCode)).mainItems();
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    private View view(String region) {
        View own = views.get(region);
        if (own != null) {
            return own;
        }
        View province = views.get(province(region));
        return province != null ? province : views.get(NATIONAL_REGION);
    }

    private static String province(String region) {
        return region.substring(0, 2) + "0000";
    }

    private static String checkRegion(String regionCode) {
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("医保区划代码应为6位数字：" + regionCode);
        }
        return regionCode;
    }

    private static void addUnique(Map<String, Layer> layers, Layer layer, List<String> problems) {
        Layer first = layers.putIfAbsent(layer.region(), layer);
        if (first != null) {
            problems.add(problem(layer.file(), null, "region", layer.region() + " already has a layer: " + first.file()));
        }
    }

    private static void checkServices(Layer national, Map<String, Layer> provinces, Map<String, Layer> regions,
                                      List<String> problems) {
        Set<String> services = new LinkedHashSet<>(national.services());
        if (services.isEmpty()) {
            problems.add(problem(national.file(), null, "services", "the national layer lists no services"));
        }
        List<Layer> all = new ArrayList<>();
        all.add(national);
        all.addAll(provinces.values());
        all.addAll(regions.values());
        for (Layer layer : all) {
            List<Layer.Entry> entries = new ArrayList<>(layer.items());
            entries.addAll(layer.overrides());
            for (Layer.Entry entry : entries) {
                Object service = entry.fields().get("service");
                if (service != null && !services.contains(service)) {
                    problems.add(problem(layer.file(), entry.code(), "service", service + " is not a known service"));
                }
            }
            for (BundleDefinition bundle : layer.bundles()) {
                List<String> named = new ArrayList<>(List.of(bundle.owner()));
                bundle.parts().forEach(p -> named.add(p.service()));
                for (String service : named) {
                    if (!services.contains(service)) {
                        problems.add(problem(layer.file(), bundle.code(), "service", service + " is not a known service"));
                    }
                }
            }
            for (MainItem main : layer.mainItems()) {
                if (!services.contains(main.service())) {
                    problems.add(problem(layer.file(), null, "mainItems." + main.code() + ".service",
                            main.service() + " is not a known service"));
                }
            }
        }
    }

    private static void readIndexes(ClassLoader loader, String basePath, Set<String> files, Set<String> defaults,
                                    List<String> problems) {
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(basePath + "/" + INDEX);
        } catch (IOException e) {
            throw new CatalogException("catalog: " + basePath + "/" + INDEX + ": not readable: " + e.getMessage());
        }
        List<URL> urls = Collections.list(indexes);
        if (urls.isEmpty()) {
            throw new CatalogException("catalog: " + basePath + "/" + INDEX + ": not found on the class path");
        }
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                Object document = LayerReader.yaml().load(in);
                if (!(document instanceof Map<?, ?> index) || !(index.get("layers") instanceof List<?> layers)) {
                    problems.add(problem(INDEX, null, "layers", "an index without a list of layers: " + url));
                    continue;
                }
                layers.forEach(layer -> files.add(String.valueOf(layer)));
                Object region = index.get("defaultRegion");
                if (region != null) {
                    defaults.add(String.valueOf(region));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(problem(INDEX, null, null, "not readable: " + url + ": " + e.getMessage()));
            }
        }
    }

    static String problem(String file, String item, String field, String message) {
        StringBuilder text = new StringBuilder("catalog: ").append(file);
        if (item != null) {
            text.append(" item ").append(item);
        }
        if (field != null) {
            text.append(" field ").append(field);
        }
        return text.append(": ").append(message).toString();
    }
}
