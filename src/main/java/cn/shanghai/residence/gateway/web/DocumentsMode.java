package cn.shanghai.residence.gateway.web;

/** Which GraphQL documents the gateway runs ({@code gateway.documents.mode}). */
public enum DocumentsMode {
    /** A document sent as text, or the id of one in the manifest (if any): the sandbox's default. */
    ANY,
    /** As {@link #ANY}, with a manifest required: the step between an open endpoint and {@link #TRUSTED_ONLY}. */
    TRUSTED_OR_ANY,
    /** Only ids of documents in the manifest: arbitrary documents are refused before they are parsed. */
    TRUSTED_ONLY
}
