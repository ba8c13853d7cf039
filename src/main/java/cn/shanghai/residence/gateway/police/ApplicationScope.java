package cn.shanghai.residence.gateway.police;

/** Which applications a list shows: the open ones, or all. */
public enum ApplicationScope { OPEN, ALL }
