package cn.shanghai.residence.gateway.reference;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shanghai's 16 districts with their GB/T 2260 codes; inputs naming a district are checked against them. */
public enum ShanghaiDistrict {
    HUANGPU("310101", "黄浦区"),
    XUHUI("310104", "徐汇区"),
    CHANGNING("310105", "长宁区"),
    JINGAN("310106", "静安区"),
    PUTUO("310107", "普陀区"),
    HONGKOU("310109", "虹口区"),
    YANGPU("310110", "杨浦区"),
    MINHANG("310112", "闵行区"),
    BAOSHAN("310113", "宝山区"),
    JIADING("310114", "嘉定区"),
    PUDONG("310115", "浦东新区"),
    JINSHAN("310116", "金山区"),
    SONGJIANG("310117", "松江区"),
    QINGPU("310118", "青浦区"),
    FENGXIAN("310120", "奉贤区"),
    CHONGMING("310151", "崇明区");

    /** The accepted names, for error messages. */
    public static final String ALL_NAMES = Arrays.stream(values())
            .map(ShanghaiDistrict::chineseName)
            .collect(Collectors.joining("、"));

    private final String code;
    private final String chineseName;

    ShanghaiDistrict(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The district with this Chinese name (e.g. 浦东新区), if it is one of the 16. */
    public static Optional<ShanghaiDistrict> byChineseName(String name) {
        String trimmed = name.strip();
        return Arrays.stream(values()).filter(d -> d.chineseName.equals(trimmed)).findFirst();
    }
}
