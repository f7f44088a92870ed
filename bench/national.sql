-- The national bench data set: the 98 Danish municipalities as employers, each with a unit tree, ~20 000 open
-- postings and 1 000 000 in all (ten years of closed ones, a few drafts and withdrawn). Run by
-- bench/national-load.sh, one step at a time (each "--- step:" block is one psql session), with search_path set
-- to the schema, after the app's migrations; every row is made by the server (INSERT ... SELECT).
--
-- SYNTHETIC BENCH DATA. The municipalities' names are real and their populations roughly so (they weigh how many
-- postings each gets); addresses, phone numbers, units, people and postings are made up.
--
-- Only columns of migrations V1-V8 are written, so later migrations that add columns (nullable or with a
-- default) or tables leave it working.

--- step: employers, agencies and units
CREATE UNLOGGED TABLE _nat_municipality (ord int PRIMARY KEY, short text, name text, population int, postal_code text, city text);
INSERT INTO _nat_municipality (ord, short, name, population, postal_code, city) VALUES
-- Region Hovedstaden
(1, 'Albertslund', 'Albertslund Kommune', 28000, '2620', 'Albertslund'),
(2, 'Allerød', 'Allerød Kommune', 26000, '3450', 'Allerød'),
(3, 'Ballerup', 'Ballerup Kommune', 52000, '2750', 'Ballerup'),
(4, 'Bornholm', 'Bornholms Regionskommune', 39000, '3700', 'Rønne'),
(5, 'Brøndby', 'Brøndby Kommune', 35000, '2605', 'Brøndby'),
(6, 'Dragør', 'Dragør Kommune', 14000, '2791', 'Dragør'),
(7, 'Egedal', 'Egedal Kommune', 44000, '3660', 'Stenløse'),
(8, 'Fredensborg', 'Fredensborg Kommune', 41000, '3480', 'Fredensborg'),
(9, 'Frederiksberg', 'Frederiksberg Kommune', 104000, '2000', 'Frederiksberg'),
(10, 'Frederikssund', 'Frederikssund Kommune', 46000, '3600', 'Frederikssund'),
(11, 'Furesø', 'Furesø Kommune', 41000, '3520', 'Farum'),
(12, 'Gentofte', 'Gentofte Kommune', 75000, '2820', 'Gentofte'),
(13, 'Gladsaxe', 'Gladsaxe Kommune', 70000, '2860', 'Søborg'),
(14, 'Glostrup', 'Glostrup Kommune', 24000, '2600', 'Glostrup'),
(15, 'Gribskov', 'Gribskov Kommune', 41000, '3200', 'Helsinge'),
(16, 'Halsnæs', 'Halsnæs Kommune', 31000, '3300', 'Frederiksværk'),
(17, 'Helsingør', 'Helsingør Kommune', 63000, '3000', 'Helsingør'),
(18, 'Herlev', 'Herlev Kommune', 30000, '2730', 'Herlev'),
(19, 'Hillerød', 'Hillerød Kommune', 53000, '3400', 'Hillerød'),
(20, 'Hvidovre', 'Hvidovre Kommune', 54000, '2650', 'Hvidovre'),
(21, 'Høje-Taastrup', 'Høje-Taastrup Kommune', 57000, '2630', 'Taastrup'),
(22, 'Hørsholm', 'Hørsholm Kommune', 25000, '2970', 'Hørsholm'),
(23, 'Ishøj', 'Ishøj Kommune', 24000, '2635', 'Ishøj'),
(24, 'København', 'Københavns Kommune', 660000, '1599', 'København V'),
(25, 'Lyngby-Taarbæk', 'Lyngby-Taarbæk Kommune', 57000, '2800', 'Kongens Lyngby'),
(26, 'Rudersdal', 'Rudersdal Kommune', 57000, '3460', 'Birkerød'),
(27, 'Rødovre', 'Rødovre Kommune', 41000, '2610', 'Rødovre'),
(28, 'Tårnby', 'Tårnby Kommune', 44000, '2770', 'Kastrup'),
(29, 'Vallensbæk', 'Vallensbæk Kommune', 17000, '2665', 'Vallensbæk Strand'),
-- Region Sjælland
(30, 'Faxe', 'Faxe Kommune', 37000, '4690', 'Haslev'),
(31, 'Greve', 'Greve Kommune', 51000, '2670', 'Greve'),
(32, 'Guldborgsund', 'Guldborgsund Kommune', 60000, '4800', 'Nykøbing F'),
(33, 'Holbæk', 'Holbæk Kommune', 73000, '4300', 'Holbæk'),
(34, 'Kalundborg', 'Kalundborg Kommune', 49000, '4400', 'Kalundborg'),
(35, 'Køge', 'Køge Kommune', 62000, '4600', 'Køge'),
(36, 'Lejre', 'Lejre Kommune', 29000, '4330', 'Hvalsø'),
(37, 'Lolland', 'Lolland Kommune', 40000, '4930', 'Maribo'),
(38, 'Næstved', 'Næstved Kommune', 84000, '4700', 'Næstved'),
(39, 'Odsherred', 'Odsherred Kommune', 33000, '4573', 'Højby'),
(40, 'Ringsted', 'Ringsted Kommune', 36000, '4100', 'Ringsted'),
(41, 'Roskilde', 'Roskilde Kommune', 90000, '4000', 'Roskilde'),
(42, 'Slagelse', 'Slagelse Kommune', 80000, '4200', 'Slagelse'),
(43, 'Solrød', 'Solrød Kommune', 24000, '2680', 'Solrød Strand'),
(44, 'Sorø', 'Sorø Kommune', 30000, '4180', 'Sorø'),
(45, 'Stevns', 'Stevns Kommune', 23000, '4660', 'Store Heddinge'),
(46, 'Vordingborg', 'Vordingborg Kommune', 45000, '4760', 'Vordingborg'),
-- Region Syddanmark
(47, 'Assens', 'Assens Kommune', 41000, '5610', 'Assens'),
(48, 'Billund', 'Billund Kommune', 27000, '7190', 'Billund'),
(49, 'Esbjerg', 'Esbjerg Kommune', 116000, '6700', 'Esbjerg'),
(50, 'Fanø', 'Fanø Kommune', 3500, '6720', 'Fanø'),
(51, 'Fredericia', 'Fredericia Kommune', 52000, '7000', 'Fredericia'),
(52, 'Faaborg-Midtfyn', 'Faaborg-Midtfyn Kommune', 51000, '5750', 'Ringe'),
(53, 'Haderslev', 'Haderslev Kommune', 55000, '6100', 'Haderslev'),
(54, 'Kerteminde', 'Kerteminde Kommune', 24000, '5300', 'Kerteminde'),
(55, 'Kolding', 'Kolding Kommune', 95000, '6000', 'Kolding'),
(56, 'Langeland', 'Langeland Kommune', 12000, '5900', 'Rudkøbing'),
(57, 'Middelfart', 'Middelfart Kommune', 39000, '5500', 'Middelfart'),
(58, 'Nordfyn', 'Nordfyns Kommune', 29000, '5400', 'Bogense'),
(59, 'Nyborg', 'Nyborg Kommune', 32000, '5800', 'Nyborg'),
(60, 'Odense', 'Odense Kommune', 207000, '5000', 'Odense C'),
(61, 'Svendborg', 'Svendborg Kommune', 59000, '5700', 'Svendborg'),
(62, 'Sønderborg', 'Sønderborg Kommune', 74000, '6400', 'Sønderborg'),
(63, 'Tønder', 'Tønder Kommune', 37000, '6270', 'Tønder'),
(64, 'Varde', 'Varde Kommune', 50000, '6800', 'Varde'),
(65, 'Vejen', 'Vejen Kommune', 43000, '6600', 'Vejen'),
(66, 'Vejle', 'Vejle Kommune', 120000, '7100', 'Vejle'),
(67, 'Ærø', 'Ærø Kommune', 6000, '5970', 'Ærøskøbing'),
(68, 'Aabenraa', 'Aabenraa Kommune', 58000, '6200', 'Aabenraa'),
-- Region Midtjylland
(69, 'Favrskov', 'Favrskov Kommune', 49000, '8450', 'Hammel'),
(70, 'Hedensted', 'Hedensted Kommune', 47000, '8722', 'Hedensted'),
(71, 'Herning', 'Herning Kommune', 90000, '7400', 'Herning'),
(72, 'Holstebro', 'Holstebro Kommune', 59000, '7500', 'Holstebro'),
(73, 'Horsens', 'Horsens Kommune', 98000, '8700', 'Horsens'),
(74, 'Ikast-Brande', 'Ikast-Brande Kommune', 42000, '7430', 'Ikast'),
(75, 'Lemvig', 'Lemvig Kommune', 19000, '7620', 'Lemvig'),
(76, 'Norddjurs', 'Norddjurs Kommune', 37000, '8500', 'Grenaa'),
(77, 'Odder', 'Odder Kommune', 23000, '8300', 'Odder'),
(78, 'Randers', 'Randers Kommune', 99000, '8900', 'Randers C'),
(79, 'Ringkøbing-Skjern', 'Ringkøbing-Skjern Kommune', 56000, '6950', 'Ringkøbing'),
(80, 'Samsø', 'Samsø Kommune', 3700, '8305', 'Samsø'),
(81, 'Silkeborg', 'Silkeborg Kommune', 97000, '8600', 'Silkeborg'),
(82, 'Skanderborg', 'Skanderborg Kommune', 64000, '8660', 'Skanderborg'),
(83, 'Skive', 'Skive Kommune', 46000, '7800', 'Skive'),
(84, 'Struer', 'Struer Kommune', 21000, '7600', 'Struer'),
(85, 'Syddjurs', 'Syddjurs Kommune', 43000, '8400', 'Ebeltoft'),
(86, 'Viborg', 'Viborg Kommune', 98000, '8800', 'Viborg'),
(87, 'Aarhus', 'Aarhus Kommune', 367000, '8000', 'Aarhus C'),
-- Region Nordjylland
(88, 'Brønderslev', 'Brønderslev Kommune', 36000, '9700', 'Brønderslev'),
(89, 'Frederikshavn', 'Frederikshavn Kommune', 59000, '9900', 'Frederikshavn'),
(90, 'Hjørring', 'Hjørring Kommune', 64000, '9800', 'Hjørring'),
(91, 'Jammerbugt', 'Jammerbugt Kommune', 38000, '9490', 'Pandrup'),
(92, 'Læsø', 'Læsø Kommune', 1700, '9940', 'Læsø'),
(93, 'Mariagerfjord', 'Mariagerfjord Kommune', 42000, '9500', 'Hobro'),
(94, 'Morsø', 'Morsø Kommune', 20000, '7900', 'Nykøbing M'),
(95, 'Rebild', 'Rebild Kommune', 30000, '9520', 'Skørping'),
(96, 'Thisted', 'Thisted Kommune', 43000, '7700', 'Thisted'),
(97, 'Vesthimmerland', 'Vesthimmerlands Kommune', 37000, '9600', 'Aars'),
(98, 'Aalborg', 'Aalborg Kommune', 222000, '9000', 'Aalborg');

-- Helpers of the load, dropped at its end. Fixed "random" numbers in [0, 1) from hashes: the same data set
-- every time, and any number of independent draws per row (by salt).
CREATE FUNCTION _nat_rnd(a bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ((hashint8extended(a, salt) & 2147483647)::float8) / 2147483648 $$;
CREATE FUNCTION _nat_pick(items text[], r float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT items[1 + floor(r * cardinality(items))::int] $$;
-- As the service's Slugs.of before the dashes: "Høje-Taastrup" becomes "hoeje-taastrup".
CREATE FUNCTION _nat_translit(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT replace(replace(replace(replace(lower(t), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), '&', ' og ') $$;


INSERT INTO employer (id, name, street, postal_code, city, phone, website, about, logo_url)
SELECT m.ord, m.name,
       (ARRAY['Rådhuspladsen', 'Torvet', 'Rådhustorvet', 'Stationsvej', 'Nørregade', 'Kirkevej'])[1 + m.ord % 6]
           || ' ' || (1 + m.ord % 9),
       m.postal_code, m.city,
       -- E.164, a Danish fixed-line number (+45 followed by eight digits, not starting with 0 or 1).
       '+45' || (43000000 + m.ord * 10101)::text,
       'https://www.' || regexp_replace(_nat_translit(m.short), '[^a-z0-9]+', '-', 'g') || '.dk',
       m.name || ' er en af landets 98 kommuner med omkring ' || replace(to_char(m.population, 'FM999,999'), ',', '.') || ' indbyggere.',
       'https://www.' || regexp_replace(_nat_translit(m.short), '[^a-z0-9]+', '-', 'g') || '.dk/logo.png'
FROM _nat_municipality m;

INSERT INTO agency (id, name, website) VALUES
    (1, 'MUUSMANN', 'https://www.muusmann.com'),
    (2, 'Genitor', 'https://www.genitor.dk'),
    (3, 'Mercuri Urval', 'https://www.mercuriurval.com');

-- A municipality's organisation: six directorates, their departments (whom they hire: the roles), and units
-- under the departments. %1$s is an institution's name, %2$s a neighbourhood, %3$s a direction, %4$s the town.
CREATE UNLOGGED TABLE _nat_department (
    d int, k int, directorate text, name text, weight int, roles text[], units text[], PRIMARY KEY (d, k));
INSERT INTO _nat_department (d, k, directorate, name, weight, roles, units) VALUES
(1, 1, 'Børn og Unge', 'Dagtilbud', 16,
 ARRAY['Pædagog', 'Pædagogmedhjælper', 'Pædagogisk assistent', 'Souschef', 'Dagtilbudsleder', 'Dagplejer'],
 ARRAY['Børnehuset %1$s', 'Vuggestuen %1$s', 'Dagplejen %3$s']),
(1, 2, 'Børn og Unge', 'Skole og Uddannelse', 14,
 ARRAY['Lærer', 'Skolepædagog', 'Skoleleder', 'Viceskoleleder', 'Afdelingsleder', 'Skolesekretær', 'Lærer i specialklasse'],
 ARRAY['%2$s Skole', '%2$sskolen', 'Specialskolen %1$s']),
(1, 3, 'Børn og Unge', 'Familie og Forebyggelse', 5,
 ARRAY['Socialrådgiver', 'Familiebehandler', 'Psykolog', 'Sagsbehandler', 'Teamleder'],
 ARRAY['Familiehuset %1$s', 'Ungecentret', 'Myndighed Børn og Unge']),
(1, 4, 'Børn og Unge', 'PPR og Sundhedspleje', 3,
 ARRAY['Psykolog', 'Talepædagog', 'Sundhedsplejerske', 'Tandlæge', 'Klinikassistent'],
 ARRAY['PPR', 'Sundhedsplejen', 'Den Kommunale Tandpleje']),
(2, 1, 'Social, Sundhed og Ældre', 'Ældre og Pleje', 16,
 ARRAY['Social- og sundhedsassistent', 'Social- og sundhedshjælper', 'Sygeplejerske', 'Afdelingsleder', 'Natsygeplejerske'],
 ARRAY['Plejecenter %1$s', 'Hjemmeplejen %3$s', 'Plejecentret %2$s']),
(2, 2, 'Social, Sundhed og Ældre', 'Sundhed og Rehabilitering', 6,
 ARRAY['Fysioterapeut', 'Ergoterapeut', 'Sygeplejerske', 'Diætist', 'Sundhedskonsulent'],
 ARRAY['Sundhedshuset', 'Træningscentret %2$s', 'Akutteamet']),
(2, 3, 'Social, Sundhed og Ældre', 'Handicap og Psykiatri', 8,
 ARRAY['Pædagog', 'Socialpædagog', 'Social- og sundhedsassistent', 'Støttekontaktperson', 'Ergoterapeut'],
 ARRAY['Bostedet %1$s', 'Bostøtten %3$s', 'Værestedet %1$s']),
(2, 4, 'Social, Sundhed og Ældre', 'Visitation og Myndighed', 3,
 ARRAY['Socialrådgiver', 'Visitator', 'Sagsbehandler', 'Terapeut til visitationen'],
 ARRAY['Visitationen', 'Voksenmyndighed', 'Hjælpemiddelteamet']),
(3, 1, 'Teknik og Miljø', 'Plan og Byg', 2,
 ARRAY['Byplanlægger', 'Byggesagsbehandler', 'Landinspektør', 'Arkitekt'],
 ARRAY['Byggesager', 'Planafdelingen', 'Byudvikling']),
(3, 2, 'Teknik og Miljø', 'Vej, Park og Natur', 3,
 ARRAY['Ingeniør', 'Vejarbejder', 'Gartner', 'Anlægsgartner', 'Naturmedarbejder', 'Maskinfører'],
 ARRAY['Vej og Park', 'Materielgården %2$s', 'Naturforvaltning']),
(3, 3, 'Teknik og Miljø', 'Miljø og Klima', 1,
 ARRAY['Miljømedarbejder', 'Miljøsagsbehandler', 'Klimakoordinator', 'Biolog'],
 ARRAY['Miljø', 'Klima og Energi', 'Jord og Grundvand']),
(3, 4, 'Teknik og Miljø', 'Ejendomme og Service', 3,
 ARRAY['Ejendomsservicetekniker', 'Servicemedarbejder', 'Rengøringsassistent', 'Projektleder', 'Køkkenmedarbejder'],
 ARRAY['Kommunale Ejendomme', 'Rengøringsservice', 'Madservice %4$s']),
(4, 1, 'Kultur, Fritid og Borgerservice', 'Bibliotek og Kultur', 2,
 ARRAY['Bibliotekar', 'Kulturmedarbejder', 'Formidler', 'Biblioteksassistent'],
 ARRAY['%4$s Bibliotek', 'Kulturhuset %1$s', 'Lokalhistorisk Arkiv']),
(4, 2, 'Kultur, Fritid og Borgerservice', 'Fritid og Idræt', 2,
 ARRAY['Idrætskonsulent', 'Halinspektør', 'Fritidspædagog', 'Musikskolelærer', 'Klubmedarbejder'],
 ARRAY['Musikskolen', 'Idrætscentret %2$s', 'Ungdomsskolen']),
(4, 3, 'Kultur, Fritid og Borgerservice', 'Borgerservice', 2,
 ARRAY['Borgerservicemedarbejder', 'Sagsbehandler', 'Opkrævningsmedarbejder'],
 ARRAY['Borgerservice %4$s', 'Ydelsesservice', 'Kontaktcentret']),
(5, 1, 'Beskæftigelse og Integration', 'Jobcenter', 4,
 ARRAY['Jobkonsulent', 'Virksomhedskonsulent', 'Sagsbehandler', 'Socialrådgiver', 'Mentor'],
 ARRAY['Jobcenter %4$s', 'Ungeindsatsen', 'Virksomhedsservice']),
(5, 2, 'Beskæftigelse og Integration', 'Integration og Sprog', 1,
 ARRAY['Integrationskonsulent', 'Sprogunderviser', 'Tolkekoordinator'],
 ARRAY['Sprogcentret', 'Integrationsteamet', 'Læringscentret %1$s']),
(5, 3, 'Beskæftigelse og Integration', 'Uddannelse og Vejledning', 1,
 ARRAY['Uddannelsesvejleder', 'UU-vejleder', 'Ungekonsulent'],
 ARRAY['Ungdommens Uddannelsesvejledning', 'Produktionsskolen %1$s', 'Ungehuset']),
(6, 1, 'Økonomi og Stab', 'Økonomi og Indkøb', 2,
 ARRAY['Controller', 'Økonomikonsulent', 'Bogholder', 'Indkøber', 'Budgetkonsulent'],
 ARRAY['Budget og Analyse', 'Regnskab', 'Indkøb og Udbud']),
(6, 2, 'Økonomi og Stab', 'HR og Løn', 1,
 ARRAY['HR-konsulent', 'Lønkonsulent', 'Arbejdsmiljøkonsulent', 'HR-partner'],
 ARRAY['Løn og Personale', 'Arbejdsmiljø', 'Rekruttering']),
(6, 3, 'Økonomi og Stab', 'IT og Digitalisering', 2,
 ARRAY['IT-supporter', 'Systemadministrator', 'Digitaliseringskonsulent', 'Informationssikkerhedskonsulent'],
 ARRAY['IT-drift', 'Digitalisering', 'IT-sikkerhed']),
(6, 4, 'Økonomi og Stab', 'Politik og Kommunikation', 2,
 ARRAY['Jurist', 'Kommunikationsmedarbejder', 'Udviklingskonsulent', 'Specialkonsulent', 'Chefkonsulent'],
 ARRAY['Sekretariatet', 'Kommunikation', 'Jura og Politisk Betjening']);

-- Size from 0 (Læsø) to 1 (København) on a log scale: 2 departments a directorate and about 20 units for
-- the smallest, every department and about 80 for the largest.
CREATE UNLOGGED TABLE _nat_unit AS
WITH e AS (
    SELECT m.ord AS employer_id, m.short,
           ln(m.population / 1700.0) / ln(660000 / 1700.0) AS size
    FROM _nat_municipality m),
dep AS (
    SELECT p.*, count(*) OVER (PARTITION BY p.d) AS in_directorate FROM _nat_department p),
tree AS (
    SELECT e.employer_id, d.d, 0 AS k, 0 AS j, d.directorate AS name, 'directorate' AS level, 0 AS weight,
           NULL::text[] AS roles, NULL::text AS department
    FROM e CROSS JOIN (SELECT DISTINCT d, directorate FROM _nat_department) d
    UNION ALL
    SELECT e.employer_id, p.d, p.k, 0, p.name, 'department', greatest(1, p.weight / 2), p.roles, p.name
    FROM e JOIN dep p ON p.k <= 2 + round(e.size * (p.in_directorate - 2))
    UNION ALL
    SELECT e.employer_id, p.d, p.k, j,
           format(p.units[j],
                  (ARRAY['Solsikken', 'Mælkebøtten', 'Kastanjen', 'Egebakken', 'Bøgely', 'Skovbrynet', 'Åbakken',
                         'Lindegården', 'Rosengården', 'Kildevang', 'Hyldebærhuset', 'Spiren', 'Regnbuen',
                         'Troldehøjen', 'Møllehuset', 'Fyrtårnet'])[1 + floor(_nat_rnd(e.employer_id * 1000 + p.d * 100 + p.k * 10 + j, 1) * 16)::int],
                  (ARRAY['Engholm', 'Højvang', 'Bakkegård', 'Kirkebjerg', 'Nørreskov', 'Vestbjerg', 'Søndervang',
                         'Holmegård', 'Rosenlund', 'Skovvang', 'Strandby', 'Lundby', 'Egeskov', 'Toftehøj',
                         'Møllevang', 'Bækkegård'])[1 + floor(_nat_rnd(e.employer_id * 1000 + p.d * 100 + p.k * 10 + j, 2) * 16)::int],
                  (ARRAY['Nord', 'Syd', 'Øst', 'Vest', 'Midt'])[1 + floor(_nat_rnd(e.employer_id * 1000 + p.d * 100 + p.k * 10 + j, 3) * 5)::int],
                  e.short),
           'unit', p.weight, p.roles, p.name
    FROM e JOIN dep p ON p.k <= 2 + round(e.size * (p.in_directorate - 2))
    CROSS JOIN LATERAL generate_series(1, least(3, floor(0.2 + 2.6 * e.size
                                                       + _nat_rnd(e.employer_id * 1000 + p.d * 10 + p.k, 4))::int)) j)
SELECT row_number() OVER (ORDER BY employer_id, d, k, j) AS id, * FROM tree;

INSERT INTO org_unit (id, employer_id, parent_id, name, level)
SELECT u.id, u.employer_id,
       CASE u.level WHEN 'department' THEN dir.id WHEN 'unit' THEN dep.id END,
       u.name, u.level
FROM _nat_unit u
LEFT JOIN _nat_unit dir ON u.level = 'department' AND dir.employer_id = u.employer_id AND dir.d = u.d AND dir.level = 'directorate'
LEFT JOIN _nat_unit dep ON u.level = 'unit' AND dep.employer_id = u.employer_id AND dep.d = u.d AND dep.k = u.k
                       AND dep.level = 'department'
ORDER BY u.id;

-- Where postings go: a unit (or a department itself) in proportion to whom it hires, and an employer in
-- proportion to its population. Lower bounds of each share, for width_bucket.
CREATE UNLOGGED TABLE _nat_pick AS
SELECT employer_id,
       array_agg(id ORDER BY id) AS units,
       array_agg((cum - weight)::float8 / total ORDER BY id) AS lower_bounds
FROM (SELECT id, employer_id, weight,
             sum(weight) OVER (PARTITION BY employer_id ORDER BY id) AS cum,
             sum(weight) OVER (PARTITION BY employer_id) AS total
      FROM _nat_unit WHERE level <> 'directorate') u
GROUP BY employer_id;
ALTER TABLE _nat_pick ADD PRIMARY KEY (employer_id);

CREATE UNLOGGED TABLE _nat_employer_pick AS
SELECT array_agg(ord ORDER BY ord) AS employers,
       array_agg((cum - population)::float8 / total ORDER BY ord) AS lower_bounds
FROM (SELECT ord, population, sum(population) OVER (ORDER BY ord) AS cum, sum(population) OVER () AS total
      FROM _nat_municipality) m;

--- step: postings (staging)
-- What each posting is, drawn from fixed random numbers: who, where, which life it had and when. Ids are given
-- afterwards in the order the postings were created, as a live system would have given them.
-- Of 1 000 000 (psql's :positions): 20 000 open, 5 000 drafts, 10 000 withdrawn, 9 650 closed by hand, the
-- rest closed by their deadline.
CREATE UNLOGGED TABLE _nat_draw AS
SELECT g,
       CASE WHEN g <= :positions * 0.02 THEN 'open' WHEN g <= :positions * 0.025 THEN 'draft'
            WHEN g <= :positions * 0.035 THEN 'withdrawn' WHEN g <= :positions * 0.04465 THEN 'closed_by_hand'
            ELSE 'closed' END AS life,
       ep.employers[width_bucket(_nat_rnd(g, 1), ep.lower_bounds)] AS employer_id
FROM generate_series(1, :positions) g CROSS JOIN _nat_employer_pick ep;

CREATE UNLOGGED TABLE _nat_staged AS
SELECT d.g, d.life, d.employer_id, u.id AS unit_id, u.level, u.name AS unit_name, u.department,
       u.roles[1 + floor(_nat_rnd(d.g, 3) * cardinality(u.roles))::int] AS role,
       CASE WHEN _nat_rnd(d.g, 4) < 0.12 THEN 1 + floor(_nat_rnd(d.g, 5) * 3)::int END AS agency_id,
       CASE d.life
           WHEN 'open' THEN current_date + 7 + floor(_nat_rnd(d.g, 6) * 50)::int
           WHEN 'draft' THEN CASE WHEN _nat_rnd(d.g, 6) < 0.7 THEN current_date + 14 + floor(_nat_rnd(d.g, 7) * 46)::int END
       END AS open_deadline,
       CASE d.life
           WHEN 'open' THEN current_date - 1 - floor(_nat_rnd(d.g, 8) * 41)::int
           WHEN 'draft' THEN NULL
           ELSE current_date - 43 - floor(_nat_rnd(d.g, 8) * (3650 - 43))::int
       END AS published_on
FROM _nat_draw d
JOIN _nat_pick p ON p.employer_id = d.employer_id
JOIN _nat_unit u ON u.id = p.units[width_bucket(_nat_rnd(d.g, 2), p.lower_bounds)];

CREATE UNLOGGED TABLE _nat_posting AS
SELECT row_number() OVER (ORDER BY created_at, g) AS id, s.*,
       m.name AS employer_name, m.short,
       'https://www.' || regexp_replace(_nat_translit(m.short), '[^a-z0-9]+', '-', 'g') || '.dk' AS site
FROM (
    SELECT s.*,
           coalesce(s.open_deadline, s.published_on + 14 + floor(_nat_rnd(s.g, 9) * 29)::int) AS deadline_on,
           -- Published between 08:00 and 16:00 Copenhagen time; open ones at least an hour ago.
           CASE WHEN s.published_on IS NOT NULL THEN
               least(now() - interval '1 hour',
                     (s.published_on + time '08:00' + floor(_nat_rnd(s.g, 10) * 480) * interval '1 minute')
                         AT TIME ZONE 'Europe/Copenhagen')
           END AS published_at,
           CASE WHEN s.published_on IS NOT NULL THEN
               least(now() - interval '1 hour',
                     (s.published_on + time '08:00' + floor(_nat_rnd(s.g, 10) * 480) * interval '1 minute')
                         AT TIME ZONE 'Europe/Copenhagen')
               - floor(_nat_rnd(s.g, 11) * 7 * 24 * 60) * interval '1 minute'
           ELSE now() - floor(_nat_rnd(s.g, 11) * 30 * 24 * 60) * interval '1 minute'
           END AS created_at
    FROM _nat_staged s) s
JOIN _nat_municipality m ON m.ord = s.employer_id;
ALTER TABLE _nat_posting ADD PRIMARY KEY (id);

--- step: secondary indexes off
-- Built once after the load rather than kept up row by row (the search vectors' GIN above all). Whatever
-- indexes the migrations made, later ones included, are put back as they were (step "indexes back").
CREATE UNLOGGED TABLE _nat_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, t.relname AS tab
FROM pg_index i
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema()
  AND t.relname IN ('position', 'position_section', 'contact', 'stage', 'change_event', 'org_unit')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT name FROM _nat_index LOOP
        EXECUTE 'DROP INDEX ' || r.name;
    END LOOP;
END
$$;

--- step: postings
-- The generated columns (search_vector, hours) are computed here: most of this step's time.
SET session_replication_role = replica; -- no foreign-key checks or triggers per row: consistent by construction
INSERT INTO position (id, slug, employer_id, unit_id, agency_id, title, reports_to, employment_terms, working_hours,
                      salary, pension, start_date, start_text, application_deadline, apply_url, status, published_at,
                      created_at, updated_at, search_text, version, closed_at, closed_announced_for)
SELECT id,
       trim(BOTH '-' FROM regexp_replace(_nat_translit(title), '[^a-z0-9]+', '-', 'g')) || '-' || id,
       employer_id, unit_id, agency_id, title, reports_to, terms, hours, salary, pension,
       CASE WHEN start_text IS NULL THEN (date_trunc('month', deadline_on + interval '2 months'))::date END,
       start_text,
       deadline,
       CASE WHEN agency_id = 1 THEN 'https://www.muusmann.com/stillinger/' || id
            WHEN agency_id = 2 THEN 'https://www.genitor.dk/job/' || id
            WHEN agency_id = 3 THEN 'https://www.mercuriurval.com/da-dk/job/' || id
            ELSE site || '/job/' || id END,
       CASE life WHEN 'draft' THEN 'draft' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'published' END,
       published_at, created_at,
       coalesce(ended_at, published_at, created_at),
       concat_ws(E'\n', reports_to, terms, h1, b1, h2, b2, h3, b3),
       CASE WHEN ended_at IS NULL THEN 1 ELSE 2 END,
       CASE WHEN life = 'closed_by_hand' THEN ended_at END,
       -- The feed has told of these closings (step "change feed"): the deadline watcher has nothing to do.
       CASE WHEN life = 'closed' THEN deadline END
FROM (
    SELECT p.*,
           (p.deadline_on + time '23:59:59') AT TIME ZONE 'Europe/Copenhagen' AS deadline,
           CASE WHEN p.life IN ('withdrawn', 'closed_by_hand') THEN
               p.published_at + (((p.deadline_on + time '12:00') AT TIME ZONE 'Europe/Copenhagen') - p.published_at)
                                * (0.2 + 0.7 * _nat_rnd(p.g, 12))
           END AS ended_at,
           CASE WHEN p.role ~ '^[A-ZÆØÅ][a-zæøå]' THEN
               (ARRAY['', '', '', '', '', '', '', 'Erfaren ', 'Engageret ', 'Barselsvikar som '])[1 + floor(_nat_rnd(p.g, 13) * 10)::int]
           ELSE '' END
           || CASE WHEN p.role ~ '^[A-ZÆØÅ][a-zæøå]' AND _nat_rnd(p.g, 13) >= 0.7 THEN lower(left(p.role, 1)) || substr(p.role, 2)
                   ELSE p.role END
           || ' til ' || p.place AS title,
           (ARRAY['Løn og ansættelsesvilkår efter gældende overenskomst.',
                  'Ansættelse på overenskomstvilkår; løn efter forhandling.',
                  'Stillingen er på overenskomstvilkår med mulighed for lokal løndannelse.',
                  'Stillingen er på fuld tid, og løn fastsættes efter gældende overenskomst.'])[1 + floor(_nat_rnd(p.g, 14) * 4)::int] AS terms,
           (ARRAY['37 timer om ugen', '37 timer', '32 timer om ugen', '30 timer om ugen', 'Fuld tid', 'Deltid, 25 timer',
                  '34 timer om ugen'])[1 + floor(_nat_rnd(p.g, 15) * 7)::int] AS hours,
           (ARRAY[NULL, 'Efter gældende overenskomst', 'Efter kvalifikationer', 'Løn efter forhandling'])[1 + floor(_nat_rnd(p.g, 16) * 4)::int] AS salary,
           CASE WHEN _nat_rnd(p.g, 17) < 0.3 THEN 'Pension efter gældende overenskomst' END AS pension,
           CASE WHEN _nat_rnd(p.g, 18) < 0.5 THEN 'Efter aftale' END AS start_text,
           'Om ' || CASE WHEN p.level = 'unit' THEN p.unit_name ELSE p.department END AS h1,
           format('%s søger en %s til %s. Du bliver en del af %s, hvor vi arbejder tæt sammen på tværs af faggrupper.',
                  p.employer_name, lower(p.role), p.place, p.department) AS b1,
           CASE WHEN n_sections >= 2 THEN 'Om stillingen' END AS h2,
           CASE WHEN n_sections >= 2 THEN
               format('Som %s får du ansvar for opgaver, der gør en forskel for borgerne i %s. ', lower(p.role), p.short)
               || (ARRAY['Vi lægger vægt på faglighed, samarbejde og et godt arbejdsmiljø.',
                         'Du får gode kolleger, faglig sparring og mulighed for efteruddannelse.',
                         'Hverdagen er travl og afvekslende, og vi griner meget sammen.'])[1 + floor(_nat_rnd(p.g, 19) * 3)::int]
           END AS b2,
           CASE WHEN n_sections >= 3 THEN 'Vi forventer' END AS h3,
           CASE WHEN n_sections >= 3 THEN
               format('Du er uddannet %s eller har anden relevant uddannelse, er god til at samarbejde og trives med mange forskellige opgaver.',
                      lower(p.role))
           END AS b3
    FROM (SELECT p.*,
                 CASE WHEN p.level = 'unit' THEN p.unit_name ELSE p.department END AS place,
                 CASE WHEN p.level = 'unit' THEN 'Leder af ' || p.unit_name ELSE 'Chef for ' || p.department END AS reports_to,
                 1 + floor(_nat_rnd(p.g, 20) * 3)::int AS n_sections
          FROM _nat_posting p) p) p;

--- step: sections, contacts and stages
SET session_replication_role = replica;
-- The body text again, as the posting's search_text has it (step "postings"), one row a section.
INSERT INTO position_section (position_id, ord, heading, body)
SELECT id, s.ord, s.heading, s.body
FROM (SELECT p.id, p.search_text,
             regexp_split_to_array(p.search_text, E'\n') AS lines,
             (p.reports_to IS NOT NULL)::int + (p.employment_terms IS NOT NULL)::int AS skip
      FROM position p) p
CROSS JOIN LATERAL (
    SELECT (i - 1) / 2 AS ord, p.lines[p.skip + i] AS heading, p.lines[p.skip + i + 1] AS body
    FROM generate_series(1, cardinality(p.lines) - p.skip, 2) i) s;


-- One contact (the unit's leader), half the postings also the union representative.
INSERT INTO contact (id, position_id, ord, name, role, organisation, phone, email)
SELECT row_number() OVER (ORDER BY p.id, c.ord), p.id, c.ord,
       _nat_pick(ARRAY['Anne', 'Mette', 'Søren', 'Jens', 'Louise', 'Mads', 'Camilla', 'Peter', 'Sofie', 'Rasmus',
                          'Ida', 'Bjørn', 'Åse', 'Lars', 'Hanne', 'Kirsten', 'Henrik', 'Trine', 'Morten', 'Line',
                          'Niels', 'Maria', 'Thomas', 'Pia', 'Jesper', 'Susanne', 'Mikkel', 'Birgitte'],
                    _nat_rnd(p.id * 2 + c.ord, 21))
           || ' '
           || _nat_pick(ARRAY['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen',
                                 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen',
                                 'Thomsen', 'Møller', 'Kjær', 'Østergaard', 'Poulsen', 'Johansen', 'Knudsen', 'Mortensen'],
                           _nat_rnd(p.id * 2 + c.ord, 22)),
       CASE c.ord WHEN 0 THEN p.reports_to ELSE 'Tillidsrepræsentant' END,
       e.name,
       -- 2x yx xx xx with y > 0: the Danish mobile plan, as E.164.
       '+452' || floor(_nat_rnd(p.id * 2 + c.ord, 23) * 10)::int || (1 + floor(_nat_rnd(p.id * 2 + c.ord, 24) * 9)::int)
           || lpad(floor(_nat_rnd(p.id * 2 + c.ord, 25) * 100000)::int::text, 5, '0'),
       CASE WHEN c.ord = 0 THEN 'job' || p.id || '@' || substr(e.website, 13) END
FROM position p
JOIN employer e ON e.id = p.employer_id
CROSS JOIN LATERAL generate_series(0, CASE WHEN _nat_rnd(p.id, 26) < 0.5 THEN 1 ELSE 0 END) c(ord);

-- Six in ten have their process: first interviews some days after the deadline, a test for some, second ones.
INSERT INTO stage (id, position_id, ord, kind, label, date, start_time, end_time, location, note)
SELECT row_number() OVER (ORDER BY p.id, o.ord), p.id, o.ord, s.kind, s.label, s.date, s.start_time, s.end_time,
       s.location, s.note
FROM (SELECT p.id, p.unit_id,
             (p.application_deadline AT TIME ZONE 'Europe/Copenhagen')::date + 5 + floor(_nat_rnd(p.id, 27) * 5)::int AS first,
             _nat_rnd(p.id, 28) < 0.4 AS test
      FROM position p
      WHERE p.application_deadline IS NOT NULL AND _nat_rnd(p.id, 29) < 0.6) p
JOIN org_unit u ON u.id = p.unit_id
CROSS JOIN LATERAL (
    VALUES (0, 'first_interview', '1. samtaler', p.first, time '09:00', time '15:00', u.name, NULL),
           (1, 'test', 'Test', p.first + 2, NULL, NULL, 'Rådhuset', 'Der skal afsættes 2-3 timer til testen.'),
           (2, 'second_interview', '2. samtaler', p.first + 7, NULL, NULL, u.name, NULL)
) s(n, kind, label, date, start_time, end_time, location, note)
CROSS JOIN LATERAL (SELECT CASE WHEN s.n = 2 AND NOT p.test THEN 1 ELSE s.n END AS ord) o
WHERE s.n <> 1 OR p.test;

--- step: change feed
-- What the feed would hold had the postings been written through the service: each published posting's
-- 'published' event (as ChangeEvents.announceLoaded writes it for sample data), the deadline watcher's 'closed'
-- one a second after a deadline passed, a 'closed' when closed by hand and a 'withdrawn'; all in the order they
-- happened. One transaction, as a real import's would be.
INSERT INTO change_event (position_id, agency_id, kind, public, at)
SELECT position_id, agency_id, kind, true, at
FROM (SELECT id AS position_id, agency_id, 'published' AS kind, published_at AS at FROM position
      WHERE published_at IS NOT NULL
      UNION ALL
      SELECT id, agency_id, 'closed', application_deadline + interval '1 second' FROM position
      WHERE status = 'published' AND closed_at IS NULL AND closed_announced_for = application_deadline
      UNION ALL
      SELECT id, agency_id, 'closed', closed_at FROM position WHERE closed_at IS NOT NULL
      UNION ALL
      SELECT id, agency_id, 'withdrawn', updated_at FROM position WHERE status = 'withdrawn') e
ORDER BY at, position_id, kind DESC;

--- step: indexes back
SET maintenance_work_mem = '1GB';
SET client_min_messages = notice;
DO $$
DECLARE
    r record;
    started timestamptz;
BEGIN
    FOR r IN SELECT name, def FROM _nat_index ORDER BY tab, name LOOP
        started := clock_timestamp();
        EXECUTE r.def;
        RAISE NOTICE '  % (% s)', r.name, round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    END LOOP;
END
$$;

--- step: sequences, checks and clean-up
-- The service takes ids 50 at a time from these (Hibernate's pooled allocation: a nextval of N hands out
-- N-49..N), so each starts well past the loaded ids.
DO $$
DECLARE
    t text;
    top bigint;
BEGIN
    FOREACH t IN ARRAY ARRAY['employer', 'org_unit', 'agency', 'position', 'contact', 'stage'] LOOP
        EXECUTE format('SELECT coalesce(max(id), 0) FROM %I', t) INTO top;
        PERFORM setval(t || '_seq', top + 1000, false);
    END LOOP;
END
$$;

-- What the foreign keys (not checked during the load) would have said.
DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT (SELECT count(*) FROM position p LEFT JOIN org_unit u ON u.id = p.unit_id
            WHERE p.unit_id IS NOT NULL AND (u.id IS NULL OR u.employer_id <> p.employer_id OR u.level = 'directorate'))
         + (SELECT count(*) FROM position p LEFT JOIN employer e ON e.id = p.employer_id WHERE e.id IS NULL)
         + (SELECT count(*) FROM position p LEFT JOIN agency a ON a.id = p.agency_id WHERE p.agency_id IS NOT NULL AND a.id IS NULL)
         + (SELECT count(*) FROM position_section s LEFT JOIN position p ON p.id = s.position_id WHERE p.id IS NULL)
         + (SELECT count(*) FROM contact c LEFT JOIN position p ON p.id = c.position_id WHERE p.id IS NULL)
         + (SELECT count(*) FROM stage s LEFT JOIN position p ON p.id = s.position_id WHERE p.id IS NULL)
         + (SELECT count(*) FROM org_unit u LEFT JOIN org_unit parent ON parent.id = u.parent_id
            WHERE u.parent_id IS NOT NULL AND (parent.id IS NULL OR parent.employer_id <> u.employer_id))
      INTO bad;
    IF bad > 0 THEN
        RAISE EXCEPTION '% rows refer to rows that do not exist', bad;
    END IF;
END
$$;

DROP TABLE _nat_municipality, _nat_department, _nat_unit, _nat_pick, _nat_employer_pick, _nat_draw, _nat_staged,
    _nat_posting, _nat_index;
DROP FUNCTION _nat_rnd(bigint, int), _nat_pick(text[], float8), _nat_translit(text);

--- step: vacuum analyze
VACUUM (ANALYZE) employer, org_unit, agency, position, position_section, contact, stage, change_event;
