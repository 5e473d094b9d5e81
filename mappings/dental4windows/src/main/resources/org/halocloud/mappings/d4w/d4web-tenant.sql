-- Dental4Web: this database is one tenant of a shared cluster; the marker row names the tenant by its CRN.
CREATE TABLE TENANT (
    CRN            VARCHAR(20)  NOT NULL PRIMARY KEY,
    TENANT_NAME    VARCHAR(60)  NOT NULL,
    PARENT_CRN     VARCHAR(20),
    CLUSTER_NODE   VARCHAR(30),
    DATE_CREATED   TIMESTAMP,
    IS_ACTIVE      BIT          DEFAULT 1 NOT NULL
);
