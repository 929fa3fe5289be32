-- Demo data of the emulated Sage 100 database: the dairy "Laiterie des
-- Alpes" (GLN 3012345000000) selling to three retail customers and buying
-- from two suppliers. Every GLN and EAN has a correct check digit. Used by
-- the demo install, the tests and the benchmark; tests that change it work
-- on a copy of their own. Documented in docs/sage100.md (Demo data).

INSERT INTO F_FAMILLE (FA_CodeFamille, FA_Intitule) VALUES
    ('FRAIS', 'Produits frais'),
    ('FROMAGES', 'Fromages'),
    ('DIVERS', 'Divers');

INSERT INTO F_DEPOT (DE_No, DE_Intitule, DE_Adresse, DE_CodePostal, DE_Ville, DE_Code, DE_Principal) VALUES
    (1, 'Dépôt principal', '12 route du Col', '74000', 'Annecy', 'PRINC', 1),
    (2, 'Dépôt Chambéry', '3 rue des Halles', '73000', 'Chambéry', 'CHAMB', 0);

INSERT INTO F_TAXE (TA_Code, TA_Intitule, TA_Taux, TA_Type, CG_Num, TA_EdiCode) VALUES
    ('C00', 'TVA collectée 20 %', 20, 0, '445710', 'S'),
    ('C01', 'TVA collectée 5,5 %', 5.5, 0, '445711', 'AA'),
    ('C02', 'TVA collectée 10 %', 10, 0, '445712', 'AA'),
    ('D00', 'TVA déductible 20 %', 20, 1, '445660', 'S'),
    ('D01', 'TVA déductible 5,5 %', 5.5, 1, '445661', 'AA');

INSERT INTO P_EXPEDITION (cbIndice, E_Intitule, E_Mode, E_EdiCode) VALUES
    (1, 'Transporteur frigorifique', 1, '30'),
    (2, 'Enlèvement par le client', 2, '10');

-- Customers (CT_Type 0), suppliers (1) and the generic ones used when a GLN
-- matches nobody.
INSERT INTO F_COMPTET (CT_Num, CT_Intitule, CT_Type, CG_NumPrinc, CT_Adresse, CT_CodePostal, CT_Ville, CT_Pays,
                       CT_Siret, CT_Telephone, CT_EMail, N_CatTarif, N_CatCompta, CT_EdiCode, CT_EdiCodeType) VALUES
    ('C0001', 'HYPER DU CENTRE', 0, '411000', '1 avenue du Commerce', '69003', 'Lyon', 'France',
     '40123456700011', '0478000001', 'achats@hyper-centre.example', 1, 1, '3012345100014', 1),
    ('C0002', 'SUPERMARCHÉ DU LAC', 0, '411000', '8 quai Napoléon', '74000', 'Annecy', 'France',
     '40123456700029', '0450000002', 'commandes@marche-lac.example', 2, 1, '3012345100021', 1),
    ('C0003', 'CENTRALE ACHATS OUEST', 0, '411000', 'ZI de la Lande', '44300', 'Nantes', 'France',
     '40123456700037', '0240000003', 'edi@centrale-ouest.example', 1, 1, '3012345100038', 1),
    ('CL99999999', 'CLIENT EDI NON IDENTIFIÉ', 0, '411000', '', '', '', 'France',
     '', '', '', 1, 1, '9999999999999', 1),
    ('F0001', 'EMBALLAGES DU NORD', 1, '401000', '5 rue du Carton', '59000', 'Lille', 'France',
     '50123456700010', '0320000004', 'adv@emballages-nord.example', 1, 1, '3012345300018', 1),
    ('F0002', 'COOPÉRATIVE LAITIÈRE', 1, '401000', 'Le Bourg', '73700', 'Bourg-Saint-Maurice', 'France',
     '50123456700028', '0479000005', 'ventes@coop-laitiere.example', 1, 1, '3012345300025', 1),
    ('FR99999999', 'FOURNISSEUR EDI NON IDENTIFIÉ', 1, '401000', '', '', '', 'France',
     '', '', '', 1, 1, '9999999999999', 1);

-- C0003 pays for the deliveries of C0002.
UPDATE F_COMPTET SET CT_NumPayeur = CT_Num WHERE CT_Num <> 'C0002';
UPDATE F_COMPTET SET CT_NumPayeur = 'C0003' WHERE CT_Num = 'C0002';

INSERT INTO F_LIVRAISON (LI_No, CT_Num, LI_Intitule, LI_Adresse, LI_CodePostal, LI_Ville, LI_Pays, LI_Principal) VALUES
    (1, 'C0001', 'Entrepôt Lyon Sud', '20 rue des Docks', '69007', 'Lyon', 'France', 1),
    (2, 'C0001', 'Magasin Villeurbanne', '4 cours Émile Zola', '69100', 'Villeurbanne', 'France', 0),
    (3, 'C0002', 'Magasin Annecy', '8 quai Napoléon', '74000', 'Annecy', 'France', 1),
    (4, 'C0003', 'Entrepôt Nantes', 'ZI de la Lande', '44300', 'Nantes', 'France', 1),
    (5, 'C0003', 'Entrepôt Rennes', '2 rue du Fret', '35000', 'Rennes', 'France', 0);

-- The connector's delivery-place GLNs (Entrepôt Rennes has none yet).
INSERT INTO RELAIS_LIVRAISON_GLN (CT_Num, RL_GLN, LI_No, RL_Date) VALUES
    ('C0001', '3012345200011', 1, '2024-01-02 00:00:00'),
    ('C0001', '3012345200028', 2, '2024-01-02 00:00:00'),
    ('C0002', '3012345200035', 3, '2024-01-02 00:00:00'),
    ('C0003', '3012345200042', 4, '2024-01-02 00:00:00');

-- Items. KEFIR-50 is known by its EDI code only; ANCIEN-PROD is dormant;
-- ARTGENERIQUE is the generic item.
INSERT INTO F_ARTICLE (AR_Ref, AR_Design, FA_CodeFamille, AR_PrixAch, AR_PrixVen, AR_Sommeil, AR_CodeBarre, AR_EdiCode) VALUES
    ('YAOURT-NAT', 'Yaourt nature 4x125 g', 'FRAIS', 0.95, 2.10, 0, '3760000000017', ''),
    ('YAOURT-FRA', 'Yaourt à la fraise 4x125 g', 'FRAIS', 1.10, 2.40, 0, '3760000000024', ''),
    ('LAIT-1L', 'Lait entier 1 L', 'FRAIS', 0.70, 1.15, 0, '3760000000031', ''),
    ('BEURRE-250', 'Beurre doux 250 g', 'FRAIS', 1.60, 2.95, 0, '3760000000048', ''),
    ('CREME-20', 'Crème fraîche épaisse 20 cl', 'FRAIS', 0.80, 1.60, 0, '3760000000055', ''),
    ('TOMME-1K', 'Tomme de Savoie 1 kg', 'FROMAGES', 8.50, 14.50, 0, '3760000000062', ''),
    ('REBLOCHON', 'Reblochon fermier 450 g', 'FROMAGES', 3.90, 6.80, 0, '3760000000079', ''),
    ('BEAUFORT-250', 'Beaufort d''été 250 g', 'FROMAGES', 4.60, 7.90, 0, '3760000000086', ''),
    ('LAIT-DEMI', 'Lait demi-écrémé 1 L', 'FRAIS', 0.62, 1.05, 0, '3760000000093', ''),
    ('KEFIR-50', 'Kéfir 50 cl', 'FRAIS', 0.90, 1.85, 0, '', '3760000000109'),
    ('ANCIEN-PROD', 'Produit arrêté', 'DIVERS', 1.00, 2.00, 1, '3760000000994', ''),
    ('ARTGENERIQUE', 'Article EDI non référencé', 'DIVERS', 0, 0, 0, '', '');

-- Customer prices and codes: HYPER DU CENTRE has its own codes and prices.
INSERT INTO F_ARTCLIENT (AR_Ref, CT_Num, AC_PrixVen, AC_Remise, AC_RefClient) VALUES
    ('YAOURT-NAT', 'C0001', 1.95, 0, 'HC-1001'),
    ('LAIT-1L', 'C0001', 1.10, 2, 'HC-2001');

INSERT INTO F_ARTFOURNISS (AR_Ref, CT_Num, AF_RefFourniss, AF_PrixAch, AF_CodeBarre, AF_Principal) VALUES
    ('LAIT-1L', 'F0002', 'COOP-L1', 0.68, '3760000000031', 1),
    ('LAIT-DEMI', 'F0002', 'COOP-LD1', 0.60, '3760000000093', 1),
    ('BEURRE-250', 'F0002', 'COOP-B250', 1.55, '', 1);

INSERT INTO F_CONDITION (AR_Ref, CO_No, EC_Enumere, EC_Quantite, CO_Ref, CO_CodeBarre, CO_Principal, CO_EdiCode) VALUES
    ('YAOURT-NAT', 1, 'Carton de 12', 12, 'YAOURT-NAT-C12', '13760000000014', 1, 'CT');

-- Next piece numbers (DC_IdCol is DO_Type modulo 10).
INSERT INTO F_DOCCURRENTPIECE (DC_Domaine, DC_IdCol, DC_Souche, DC_Piece) VALUES
    (0, 0, 0, 'DE00001'), (0, 1, 0, 'BC00001'), (0, 2, 0, 'PL00001'), (0, 3, 0, 'BL00002'),
    (0, 4, 0, 'BR00001'), (0, 5, 0, 'AV00002'), (0, 6, 0, 'FA00004'), (0, 7, 0, 'FA00004'),
    (1, 0, 0, 'DA00001'), (1, 1, 0, 'PA00001'), (1, 2, 0, 'CF00002'), (1, 3, 0, 'LF00002'),
    (1, 4, 0, 'RF00001'), (1, 5, 0, 'AF00002'), (1, 6, 0, 'FF00002'), (1, 7, 0, 'FF00002');

-- A delivery note and two invoices entered in Sage, waiting to be exported
-- (credit notes and purchase documents below).
INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Date, DO_Ref, DO_Tiers, CT_NumPayeur, LI_No, DE_No,
                         DO_DateLivr, DO_Tarif, N_CatCompta, DO_Expedit, DO_Condition, CG_Num, DO_TotalHT, DO_TotalHTNet,
                         DO_TotalTTC, DO_NetAPayer) VALUES
    (0, 3, 'BL00001', '2024-03-04', 'CMD-HC-0001', 'C0001', 'C0001', 1, 1, '2024-03-05', 1, 1, 1, 1, '411000',
     40.500000, 40.500000, 42.727500, 42.727500),
    (0, 6, 'FA00001', '2024-03-05', 'CMD-HC-0001', 'C0001', 'C0001', 1, 1, '2024-03-05', 1, 1, 1, 1, '411000',
     40.500000, 40.500000, 42.727500, 42.727500),
    (0, 7, 'FA00002', '2024-03-06', 'CMD-LAC-77', 'C0002', 'C0003', 3, 1, '2024-03-06', 2, 1, 1, 1, '411000',
     87.000000, 87.000000, 104.400000, 104.400000);

INSERT INTO F_DOCLIGNE (DO_Domaine, DO_Type, CT_Num, DO_Piece, DL_PieceBL, DO_Date, DL_Ligne, DO_Ref, AR_Ref, DL_Design,
                        DL_Qte, DL_QteBC, DL_QteBL, EU_Enumere, EU_Qte, DL_PrixUnitaire, DL_PUTTC, DL_MontantHT,
                        DL_MontantTTC, DL_Taxe1, DL_CodeTaxe1, DE_No, AC_RefClient, DO_DateLivr) VALUES
    (0, 3, 'C0001', 'BL00001', 'BL00001', '2024-03-04', 1000, 'CMD-HC-0001', 'YAOURT-NAT', 'Yaourt nature 4x125 g',
     12, 12, 12, 'PCE', 12, 1.95, 2.05725, 23.40, 24.687, 5.5, 'C01', 1, 'HC-1001', '2024-03-05'),
    (0, 3, 'C0001', 'BL00001', 'BL00001', '2024-03-04', 2000, 'CMD-HC-0001', 'LAIT-1L', 'Lait entier 1 L',
     15, 15, 15, 'PCE', 15, 1.14, 1.2027, 17.10, 18.0405, 5.5, 'C01', 1, 'HC-2001', '2024-03-05'),
    (0, 6, 'C0001', 'FA00001', 'BL00001', '2024-03-05', 1000, 'CMD-HC-0001', 'YAOURT-NAT', 'Yaourt nature 4x125 g',
     12, 12, 12, 'PCE', 12, 1.95, 2.05725, 23.40, 24.687, 5.5, 'C01', 1, 'HC-1001', '2024-03-05'),
    (0, 6, 'C0001', 'FA00001', 'BL00001', '2024-03-05', 2000, 'CMD-HC-0001', 'LAIT-1L', 'Lait entier 1 L',
     15, 15, 15, 'PCE', 15, 1.14, 1.2027, 17.10, 18.0405, 5.5, 'C01', 1, 'HC-2001', '2024-03-05'),
    (0, 7, 'C0002', 'FA00002', '', '2024-03-06', 1000, 'CMD-LAC-77', 'TOMME-1K', 'Tomme de Savoie 1 kg',
     6, 6, 6, 'PCE', 6, 14.50, 17.40, 87.00, 104.40, 20, 'C00', 1, '', '2024-03-06');

-- Credit notes to export (INVOIC 381): a "bon d'avoir financier" (DO_Type 5)
-- for two damaged yoghurts, and a "facture d'avoir" (a posted invoice, 7,
-- whose DO_Provenance 2 makes it a credit note) for a returned cheese.
INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Date, DO_Ref, DO_Tiers, CT_NumPayeur, LI_No, DE_No,
                         DO_DateLivr, DO_Tarif, N_CatCompta, DO_Expedit, DO_Condition, CG_Num, DO_Provenance,
                         DO_TotalHT, DO_TotalHTNet, DO_TotalTTC, DO_NetAPayer) VALUES
    (0, 5, 'AV00001', '2024-03-08', 'CMD-HC-0001', 'C0001', 'C0001', 1, 1, '1753-01-01', 1, 1, 1, 1, '411000', 0,
     3.900000, 3.900000, 4.114500, 4.114500),
    (0, 7, 'FA00003', '2024-03-09', 'CMD-LAC-77', 'C0002', 'C0003', 3, 1, '1753-01-01', 2, 1, 1, 1, '411000', 2,
     14.500000, 14.500000, 17.400000, 17.400000);

INSERT INTO F_DOCLIGNE (DO_Domaine, DO_Type, CT_Num, DO_Piece, DO_Date, DL_Ligne, DO_Ref, AR_Ref, DL_Design,
                        DL_Qte, EU_Enumere, EU_Qte, DL_PrixUnitaire, DL_PUTTC, DL_MontantHT, DL_MontantTTC,
                        DL_Taxe1, DL_CodeTaxe1, DE_No, AC_RefClient) VALUES
    (0, 5, 'C0001', 'AV00001', '2024-03-08', 1000, 'CMD-HC-0001', 'YAOURT-NAT', 'Yaourt nature 4x125 g (abîmés)',
     2, 'PCE', 2, 1.95, 2.05725, 3.90, 4.1145, 5.5, 'C01', 1, 'HC-1001'),
    (0, 7, 'C0002', 'FA00003', '2024-03-09', 1000, 'CMD-LAC-77', 'TOMME-1K', 'Tomme de Savoie 1 kg (retour)',
     1, 'PCE', 1, 14.50, 17.40, 14.50, 17.40, 20, 'C00', 1, '');

-- Purchases from COOPÉRATIVE LAITIÈRE (F0002): an order (DO_Type 12), its
-- receipt (13, DO_Ref the supplier's delivery note), its invoice (17, DO_Ref
-- the supplier's invoice number) and a credit for five spoilt butters (15).
INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Date, DO_Ref, DO_Tiers, CT_NumPayeur, LI_No, DE_No,
                         DO_DateLivr, DO_Tarif, N_CatCompta, DO_Expedit, DO_Condition, CG_Num, DO_Provenance,
                         DO_TotalHT, DO_TotalHTNet, DO_TotalTTC, DO_NetAPayer) VALUES
    (1, 12, 'CF00001', '2024-03-04', 'CDE-ALPES-12', 'F0002', 'F0002', 0, 1, '2024-03-07', 1, 1, 1, 1, '401000', 0,
     229.000000, 229.000000, 241.595000, 241.595000),
    (1, 13, 'LF00001', '2024-03-07', 'BL-COOP-5521', 'F0002', 'F0002', 0, 1, '2024-03-07', 1, 1, 1, 1, '401000', 0,
     229.000000, 229.000000, 241.595000, 241.595000),
    (1, 17, 'FF00001', '2024-03-10', 'FAC-COOP-881', 'F0002', 'F0002', 0, 1, '1753-01-01', 1, 1, 1, 1, '401000', 0,
     229.000000, 229.000000, 241.595000, 241.595000),
    (1, 15, 'AF00001', '2024-03-12', 'AV-COOP-37', 'F0002', 'F0002', 0, 1, '1753-01-01', 1, 1, 1, 1, '401000', 0,
     7.750000, 7.750000, 8.176250, 8.176250);

INSERT INTO F_DOCLIGNE (DO_Domaine, DO_Type, CT_Num, DO_Piece, DL_PieceBC, DL_PieceBL, DO_Date, DL_Ligne, DO_Ref, AR_Ref,
                        DL_Design, DL_Qte, EU_Enumere, EU_Qte, DL_PrixUnitaire, DL_PUTTC, DL_MontantHT, DL_MontantTTC,
                        DL_Taxe1, DL_CodeTaxe1, DE_No, AF_RefFourniss, DO_DateLivr) VALUES
    (1, 12, 'F0002', 'CF00001', '', '', '2024-03-04', 1000, 'CDE-ALPES-12', 'LAIT-1L', 'Lait entier 1 L',
     200, 'PCE', 200, 0.68, 0.7174, 136.00, 143.48, 5.5, 'D01', 1, 'COOP-L1', '2024-03-07'),
    (1, 12, 'F0002', 'CF00001', '', '', '2024-03-04', 2000, 'CDE-ALPES-12', 'BEURRE-250', 'Beurre doux 250 g',
     60, 'PCE', 60, 1.55, 1.63525, 93.00, 98.115, 5.5, 'D01', 1, 'COOP-B250', '2024-03-07'),
    (1, 13, 'F0002', 'LF00001', 'CF00001', '', '2024-03-07', 1000, 'BL-COOP-5521', 'LAIT-1L', 'Lait entier 1 L',
     200, 'PCE', 200, 0.68, 0.7174, 136.00, 143.48, 5.5, 'D01', 1, 'COOP-L1', '2024-03-07'),
    (1, 13, 'F0002', 'LF00001', 'CF00001', '', '2024-03-07', 2000, 'BL-COOP-5521', 'BEURRE-250', 'Beurre doux 250 g',
     60, 'PCE', 60, 1.55, 1.63525, 93.00, 98.115, 5.5, 'D01', 1, 'COOP-B250', '2024-03-07'),
    (1, 17, 'F0002', 'FF00001', 'CF00001', 'LF00001', '2024-03-10', 1000, 'FAC-COOP-881', 'LAIT-1L', 'Lait entier 1 L',
     200, 'PCE', 200, 0.68, 0.7174, 136.00, 143.48, 5.5, 'D01', 1, 'COOP-L1', '1753-01-01'),
    (1, 17, 'F0002', 'FF00001', 'CF00001', 'LF00001', '2024-03-10', 2000, 'FAC-COOP-881', 'BEURRE-250', 'Beurre doux 250 g',
     60, 'PCE', 60, 1.55, 1.63525, 93.00, 98.115, 5.5, 'D01', 1, 'COOP-B250', '1753-01-01'),
    (1, 15, 'F0002', 'AF00001', '', '', '2024-03-12', 1000, 'AV-COOP-37', 'BEURRE-250', 'Beurre doux 250 g (abîmé)',
     5, 'PCE', 5, 1.55, 1.63525, 7.75, 8.17625, 5.5, 'D01', 1, 'COOP-B250', '1753-01-01');
