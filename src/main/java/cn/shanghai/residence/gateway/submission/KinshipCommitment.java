package cn.shanghai.residence.gateway.submission;

import java.time.OffsetDateTime;

import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.reference.Masking;

/**
 * The kinship commitment letter (亲属关系承诺书) the system writes from the applicant's input, replacing
 * certificates from the relative's home town. Police receive the full text with the relative's ID number; the app
 * gets it back with the number masked.
 */
record KinshipCommitment(String text, String applicantName, String relativeName, String relativeIdNumber,
        SubmissionInputs.KinshipRelation relation, Address address, OffsetDateTime signedAt) {

    static KinshipCommitment write(String applicantName, SubmissionInputs.KinshipCommitmentInput input,
            Address address, OffsetDateTime signedAt) {
        String text = "亲属关系承诺书\n本人" + applicantName + "承诺：" + input.relativeName() + "（身份证号 "
                + Masking.idNumber(input.relativeIdNumber()) + "）系本人的" + chinese(input.relation())
                + "，本人现居住于其位于上海市" + address.district() + address.street() + address.detail()
                + "的住所。以上情况真实有效，如有虚假，本人愿承担相应法律责任。\n承诺人：" + applicantName
                + "（电子签名确认）  " + signedAt.toLocalDate();
        return new KinshipCommitment(text, applicantName, input.relativeName(), input.relativeIdNumber(),
                input.relation(), address, signedAt);
    }

    public String relativeIdNumberMasked() {
        return Masking.idNumber(relativeIdNumber);
    }

    private static String chinese(SubmissionInputs.KinshipRelation relation) {
        return switch (relation) {
            case SPOUSE -> "配偶";
            case PARENT -> "父母";
            case CHILD -> "子女";
            case GRANDPARENT -> "祖父母或外祖父母";
            case GRANDCHILD -> "孙子女或外孙子女";
            case SIBLING -> "兄弟姐妹";
        };
    }

    @Override
    public String toString() {
        return "KinshipCommitment[relation=" + relation + ", personal data withheld]";
    }
}
