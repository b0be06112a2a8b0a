package org.advising.eligibility.engine.prove;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advising.eligibility.engine.compile.ApplicationClasses;
import org.advising.eligibility.engine.compile.RuleInfo;
import org.advising.eligibility.engine.compile.RulebaseCompiler;
import org.advising.eligibility.engine.folder.Institutions;
import org.advising.eligibility.engine.folder.PolicyValues;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.folder.TrustedIssuers;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * A proven rulebase as bytes and back: the compiled rule packages (Drools' own serialisation), then
 * what the rulebase needs to serve on its own (its version, catalogue and coverage, and the text of
 * the policy values, institutions and trusted issuers, read again as the compiler reads them).
 */
final class RulebaseFormat {

    private RulebaseFormat() {
    }

    /** What a payload holds besides the compiled packages. */
    private record Contents(String version, Map<String, RuleInfo> rules, RuleCoverage coverage, String policyValues,
            String institutions, String trustedIssuers) implements Serializable {
    }

    static byte[] write(RulesFolder rules, Proven proven) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
            List<KiePackage> packages = new ArrayList<>(proven.rulebase().kieBase().getKiePackages());
            out.writeInt(packages.size());
            for (KiePackage kiePackage : packages) {
                out.writeObject(kiePackage);
            }
            out.writeObject(new Contents(rules.version(), new LinkedHashMap<>(proven.rulebase().rules()), proven.coverage(),
                    rules.policyValues().content(), rules.institutions() == null ? null : rules.institutions().content(),
                    rules.trustedIssuers() == null ? null : rules.trustedIssuers().content()));
        }
        return payload.toByteArray();
    }

    static Proven read(byte[] payload) throws IOException, ClassNotFoundException {
        List<InternalKnowledgePackage> packages = new ArrayList<>();
        Contents contents;
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), ApplicationClasses.LOADER)) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                packages.add((InternalKnowledgePackage) in.readObject());
            }
            contents = (Contents) in.readObject();
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, ApplicationClasses.LOADER));
        kieBase.addPackages(packages);
        PolicyValues.Read policyValues = PolicyValues.read(new RulesFolder.RuleFile(RulesFolder.POLICY_VALUES, contents.policyValues()));
        return new Proven(RulebaseCompiler.serving(contents.version(), kieBase, policyValues,
                Institutions.read(contents.institutions() == null ? null : new RulesFolder.RuleFile(Institutions.FILE, contents.institutions())),
                TrustedIssuers.read(contents.trustedIssuers() == null ? null
                        : new RulesFolder.RuleFile(TrustedIssuers.FILE, contents.trustedIssuers())),
                contents.rules(), RulebaseCompiler.topicsIn(kieBase, policyValues.topics())), contents.coverage());
    }
}
