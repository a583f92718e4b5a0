package org.chmexchange.tools;

import java.util.List;
import org.chmexchange.vocab.ChmThesaurus;

/**
 * Builds the {@code focal-point-categories} scheme: the 17 category codes of CBD focal-point records
 * (index field {@code ctgList_ss}, INCUMBENTS.md 1.2), and {@code NFP}, the national focal point of any
 * other agreement (InforMEA Contacts, part B 1.2). Id and notation are the CBD code; the English
 * label is written from CBD usage, the alternative label is the short role name the CBD's InforMEA
 * connector gives the code (scbd/informea mappers/contact.js), and the definition names the treaty.
 *
 * <p>Thread-safety: stateless; the table is immutable.
 */
final class FocalPointCategories {

    static final List<CodeEntry> CATEGORIES = List.of(
            category(
                    "CBD-FP1",
                    "CBD Primary National Focal Point",
                    "CBD Primary NFP",
                    "The primary national focal point for the Convention on Biological Diversity."),
            category(
                    "CBD-FP2",
                    "CBD Secondary National Focal Point",
                    "CBD Secondary NFP",
                    "A secondary national focal point for the Convention on Biological Diversity."),
            category(
                    "SBSTTA-FP",
                    "SBSTTA National Focal Point",
                    "SBSTTA NFP",
                    "The national focal point for the Subsidiary Body on Scientific, Technical and Technological "
                            + "Advice of the Convention on Biological Diversity."),
            category(
                    "CHM-FP",
                    "Clearing-House Mechanism National Focal Point",
                    "CHM NFP",
                    "The national focal point for the clearing-house mechanism of the Convention on Biological "
                            + "Diversity."),
            category(
                    "CHM-IAC",
                    "Clearing-House Mechanism Informal Advisory Committee member",
                    "CHM Informal Advisory Committee Member",
                    "A member of the Informal Advisory Committee to the clearing-house mechanism of the "
                            + "Convention on Biological Diversity."),
            category(
                    "GSPC-FP",
                    "Global Strategy for Plant Conservation National Focal Point",
                    "GSPC NFP",
                    "The national focal point for the Global Strategy for Plant Conservation under the Convention "
                            + "on Biological Diversity."),
            category(
                    "GTI-FP",
                    "Global Taxonomy Initiative National Focal Point",
                    "GTI NFP",
                    "The national focal point for the Global Taxonomy Initiative under the Convention on "
                            + "Biological Diversity."),
            category(
                    "PA-FP",
                    "Protected Areas National Focal Point",
                    "Protected Areas NFP",
                    "The national focal point for the programme of work on protected areas of the Convention on "
                            + "Biological Diversity."),
            category(
                    "RM-FP",
                    "Resource Mobilization National Focal Point",
                    "Resource Mobilization NFP",
                    "The national focal point for resource mobilization under the Convention on Biological "
                            + "Diversity."),
            category(
                    "TKBD-FP",
                    "Traditional Knowledge (Article 8(j)) National Focal Point",
                    "Traditional Knowledge NFP",
                    "The national focal point for Article 8(j) and related provisions (traditional knowledge) of "
                            + "the Convention on Biological Diversity."),
            category(
                    "CPB-FP1",
                    "Cartagena Protocol Primary National Focal Point",
                    "Cartagena Protocol Primary NFP",
                    "The primary national focal point for the Cartagena Protocol on Biosafety."),
            category(
                    "CPB-FP2",
                    "Cartagena Protocol Secondary National Focal Point",
                    "Cartagena Protocol Secondary NFP",
                    "A secondary national focal point for the Cartagena Protocol on Biosafety."),
            category(
                    "BCH-FP",
                    "Biosafety Clearing-House National Focal Point",
                    "BCH NFP",
                    "The national focal point for the Biosafety Clearing-House of the Cartagena Protocol on "
                            + "Biosafety."),
            category(
                    "CPB-A17-FP",
                    "Cartagena Protocol Article 17 emergency contact point",
                    "Emergency contact point",
                    "The point of contact for receiving notifications under Article 17 of the Cartagena Protocol "
                            + "on Biosafety (unintentional transboundary movements and emergency measures)."),
            category(
                    "ABS-FP",
                    "Nagoya Protocol Primary ABS National Focal Point",
                    "Nagoya Protocol Primary NFP",
                    "The primary national focal point on access and benefit-sharing for the Nagoya Protocol."),
            category(
                    "ABS-FP2",
                    "Nagoya Protocol Secondary ABS National Focal Point",
                    "Nagoya Protocol Secondary NFP",
                    "A secondary national focal point on access and benefit-sharing for the Nagoya Protocol."),
            category(
                    "ABSCH-IAC",
                    "ABS Clearing-House Informal Advisory Committee member",
                    "ABSCH Informal Advisory Committee Member",
                    "A member of the Informal Advisory Committee to the Access and Benefit-sharing "
                            + "Clearing-House of the Nagoya Protocol."),
            category(
                    "NFP",
                    "National Focal Point",
                    "NFP",
                    "A national focal point of a multilateral environmental agreement whose source names no finer "
                            + "role (an InforMEA Contacts row without CBD roles; its free-text type stays in the "
                            + "source document)."));

    private FocalPointCategories() {}

    /** The {@code focal-point-categories} scheme. */
    static SkosScheme build() {
        return CodeLists.build(ChmThesaurus.FOCAL_POINT_CATEGORIES, "National focal point categories", CATEGORIES)
                .comment("Category codes of the focal-point records of the CBD clearing-house (CBD, Cartagena "
                        + "Protocol and Nagoya Protocol), and NFP for the national focal points of other "
                        + "agreements; English labels written for CHM Exchange.");
    }

    private static CodeEntry category(String code, String label, String cbdShortName, String definition) {
        return new CodeEntry(code, label, definition, List.of(code), List.of(cbdShortName), null);
    }
}
