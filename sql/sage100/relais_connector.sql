-- The Relais Sage 100 connector's own tables, kept in the Sage database next
-- to Sage's (never a change to Sage's tables). Portable SQL: the same text
-- runs on SQL Server (Sage 100 SQL edition) and MariaDB (the emulation).
-- The connector creates a missing table at start-up from this file (built
-- into the program); an administrator may run it beforehand instead when the
-- connector's account may not create tables. One statement per table, each
-- ending with a semicolon at the end of a line.

-- Delivery places by GLN: F_LIVRAISON has no EDI column.
CREATE TABLE RELAIS_LIVRAISON_GLN (
    CT_Num          VARCHAR(17)   NOT NULL,
    RL_GLN          VARCHAR(13)   NOT NULL,
    LI_No           INT           NOT NULL,
    RL_Date         DATETIME      NOT NULL,
    CONSTRAINT PK_RELAIS_LIVRAISON_GLN PRIMARY KEY (CT_Num, RL_GLN)
);

-- Documents imported, by the third party and the full document number of the
-- pivot file (DO_Ref holds only its first 17 characters): importing the same
-- document again finds its piece here.
CREATE TABLE RELAIS_IMPORT (
    RI_Domaine      SMALLINT      NOT NULL,
    RI_Type         SMALLINT      NOT NULL,
    CT_Num          VARCHAR(17)   NOT NULL,
    RI_Reference    VARCHAR(35)   NOT NULL,
    DO_Piece        VARCHAR(9)    NOT NULL,
    RI_Date         DATETIME      NOT NULL,
    CONSTRAINT PK_RELAIS_IMPORT PRIMARY KEY (RI_Domaine, RI_Type, CT_Num, RI_Reference)
);

-- Documents exported, so that none is sent twice. RE_Run names the export
-- that took it (a job, a CLI or PHP run): a step run again after a crash
-- exports the same documents again.
CREATE TABLE RELAIS_EXPORT (
    DO_Domaine      SMALLINT      NOT NULL,
    DO_Type         SMALLINT      NOT NULL,
    DO_Piece        VARCHAR(9)    NOT NULL,
    RE_Run          VARCHAR(40)   NOT NULL,
    RE_File         VARCHAR(255)  NOT NULL,
    RE_Date         DATETIME      NOT NULL,
    CONSTRAINT PK_RELAIS_EXPORT PRIMARY KEY (DO_Domaine, DO_Type, DO_Piece)
);
