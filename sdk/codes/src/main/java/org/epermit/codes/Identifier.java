package org.epermit.codes;

/** The identifiers this library checks, with their names in both languages for messages. */
public enum Identifier {
    /** A unified social credit code (统一社会信用代码, GB 32100-2015). */
    CREDIT_CODE("unified social credit code", "统一社会信用代码"),
    /** A permit number (许可证编号, HJ 608-2017). */
    PERMIT_NUMBER("permit number", "排污许可证编号");

    private final String en;
    private final String zh;

    Identifier(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /**
     * Returns the English name, e.g. {@code permit number}.
     *
     * @return the name
     */
    public String en() {
        return en;
    }

    /**
     * Returns the Chinese name, e.g. {@code 排污许可证编号}.
     *
     * @return the name
     */
    public String zh() {
        return zh;
    }
}
