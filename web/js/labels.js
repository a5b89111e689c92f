// labels.js - the Dutch names of everything the API names by an id:
// roles, milestones (with the rule behind them), statuses, event types,
// findings, second-track modules.

export const ROLLEN = {
	beheerder: 'Beheerder',
	casemanager: 'Casemanager',
	werkgever: 'Werkgever',
	leidinggevende: 'Leidinggevende',
	bedrijfsarts: 'Bedrijfsarts',
	arbeidsdeskundige: 'Arbeidsdeskundige',
	loopbaancoach: 'Loopbaancoach',
	werknemer: 'Werknemer',
	adviseur: 'Adviseur',
};

export const KLASSEN = {
	algemeen: 'Algemeen',
	medisch: 'Medisch',
	vertrouwelijk: 'Vertrouwelijk',
};

export const KLASSE_UITLEG = {
	algemeen: 'alle betrokkenen',
	medisch: 'alleen bedrijfsarts en werknemer',
	vertrouwelijk: 'alleen loopbaancoach en werknemer',
};

/* Milestones of spoor-tijdlijn/1: title and the rule in plain Dutch
 * (rule book ids in the API's regel field). */
export const MIJLPALEN = {
	probleemanalyse: ['Probleemanalyse',
		'De bedrijfsarts maakt de probleemanalyse uiterlijk in de zesde ziekteweek (ziektedag 43).'],
	plan_van_aanpak: ['Plan van aanpak',
		'Werkgever en werknemer stellen het plan van aanpak op binnen twee weken na de probleemanalyse.'],
	evaluatie: ['Evaluatie plan van aanpak',
		'Het plan van aanpak wordt minstens elke zes weken geëvalueerd.'],
	melding_42e_week: ['42e-weekmelding UWV',
		'De werkgever meldt de ziekte bij UWV op de eerste dag nadat zij 42 weken heeft geduurd.'],
	melding_vangnet: ['Ziekmelding vangnet UWV',
		'Bij zwangerschap, orgaandonatie of de no-riskpolis meldt de werkgever de ziekte bij UWV uiterlijk op de eerste dag na zes weken; valt die dag in een weekend of op een feestdag, dan de eerstvolgende werkdag.'],
	melding_einde_dienstverband: ['Ziekmelding einde dienstverband UWV',
		'Eindigt het dienstverband tijdens de ziekte, dan meldt de werkgever dat uiterlijk op de laatste werkdag bij UWV, met het re-integratieverslag als de ziekte dan zes weken of langer duurt.'],
	eerstejaarsevaluatie: ['Eerstejaarsevaluatie',
		'Werkgever en werknemer evalueren het eerste ziektejaar tussen week 46 en het einde van week 52.'],
	start_tweede_spoor: ['Start tweede spoor',
		'Lukt terugkeer bij de eigen werkgever niet, dan start het tweede spoor uiterlijk zes weken na de eerstejaarsevaluatie.'],
	actueel_oordeel: ['Actueel oordeel bedrijfsarts',
		'Voor het re-integratieverslag geeft de bedrijfsarts uiterlijk in week 91 een actueel oordeel.'],
	eindevaluatie: ['Eindevaluatie',
		'Werkgever en werknemer maken uiterlijk in week 91 de eindevaluatie.'],
	re_integratieverslag: ['Re-integratieverslag',
		'Het re-integratieverslag is uiterlijk in week 91 klaar voor de WIA-aanvraag.'],
	wia_aanvraag: ['WIA-aanvraag werknemer',
		'De werknemer vraagt de WIA-uitkering aan uiterlijk elf weken voor het einde van de wachttijd (week 93).'],
	einde_minimumloongrens: ['Einde minimumloongrens',
		'Na 52 weken ziekte geldt het minimumloon niet meer als ondergrens van de loondoorbetaling.'],
	vervroegde_iva_uiterlijk: ['Uiterste aanvraag vervroegde IVA',
		'Laatste dag om een vervroegde IVA-uitkering aan te vragen: de wachttijd eindigt op zijn vroegst tien weken na de aanvraag en uiterlijk na 78 weken.'],
	melding_42e_week_grens: ['Grens 42e-weekmelding (81 weken)',
		'Zonder 42e-weekmelding vóór deze dag vervalt de bescherming bij een late WIA-aanvraag; de werkgever kan dan langer loon moeten betalen.'],
	wia_brief_uwv: ['Uiterste WIA-brief UWV',
		'UWV stuurt uiterlijk in week 89 de brief over het aanvragen van de WIA-uitkering.'],
	besluit_loonsanctie_uiterlijk: ['Uiterste besluit loonsanctie',
		'UWV beslist over een loonsanctie uiterlijk zes weken voor het einde van de wachttijd.'],
	einde_wachttijd: ['Laatste dag wachttijd en loon',
		'De laatste dag van de wachttijd voor de WIA en van de loondoorbetaling (104 weken ziekte, eventueel verlengd).'],
	einde_opzegverbod: ['Eerste dag opzegging mogelijk',
		'Vanaf deze dag geldt het opzegverbod bij ziekte niet meer: na twee jaar ziekte (samengeteld, eventueel verlengd).'],
	einde_loonsanctie: ['Einde loonsanctie',
		'De door UWV opgelegde verlenging van de loondoorbetaling eindigt.'],
};

export function mijlpaalTitel(id) {
	return (MIJLPALEN[id] || [id])[0];
}

export const STATUS = {
	op_tijd: 'Op tijd gedaan',
	te_laat: 'Te laat gedaan',
	verlopen: 'Verlopen',
	open: 'Open',
	niet_van_toepassing: 'Niet van toepassing',
	komend: 'Komend',
	voorbij: 'Voorbij',
};

export const RISICO = {laag: 'Laag', midden: 'Midden', hoog: 'Hoog', info: 'Info'};

/* Event types of architecture §4, grouped for the form's select. */
export const SOORT_GROEPEN = [
	['Poortwachterstappen', ['verzuimmelding_arbodienst', 'probleemanalyse',
		'bijstelling_probleemanalyse', 'plan_van_aanpak', 'bijstelling_plan_van_aanpak',
		'evaluatie', 'belastbaarheid', 'arbeidsdeskundig_onderzoek', 'melding_42e_week',
		'melding_vangnet', 'eerstejaarsevaluatie']],
	['Tweede spoor', ['start_tweede_spoor', 'activiteit', 'sollicitatie',
		'voortgangsrapportage', 'outplacement']],
	['Werkhervatting', ['werkhervatting']],
	['Einde wachttijd en WIA', ['actueel_oordeel', 'eindevaluatie', 'visie_werknemer',
		're_integratieverslag', 'wia_aanvraag', 'vervroegde_iva_aanvraag', 'wia_brief_uwv',
		'bekortingsverzoek', 'besluit_bekorting', 'verlenging_loondoorbetaling', 'loonsanctie']],
	['Maatregelen en geschillen', ['weigering_werknemer', 'waarschuwing_werknemer',
		'loonopschorting', 'loonstop', 'deskundigenoordeel']],
	['Overig', ['contact', 'einde_dienstverband', 'melding_einde_dienstverband']],
];

export const SOORTEN = {
	verzuimmelding_arbodienst: 'Verzuimmelding arbodienst',
	probleemanalyse: 'Probleemanalyse',
	bijstelling_probleemanalyse: 'Bijstelling probleemanalyse',
	plan_van_aanpak: 'Plan van aanpak',
	bijstelling_plan_van_aanpak: 'Bijstelling plan van aanpak',
	evaluatie: 'Evaluatie plan van aanpak',
	actueel_oordeel: 'Actueel oordeel bedrijfsarts',
	eindevaluatie: 'Eindevaluatie',
	visie_werknemer: 'Visie werknemer',
	re_integratieverslag: 'Re-integratieverslag',
	wia_aanvraag: 'WIA-aanvraag',
	vervroegde_iva_aanvraag: 'Aanvraag vervroegde IVA',
	voortgangsrapportage: 'Voortgangsrapportage',
	contact: 'Contact',
	waarschuwing_werknemer: 'Waarschuwing aan werknemer',
	loonopschorting: 'Loonopschorting',
	loonstop: 'Loonstop',
	weigering_werknemer: 'Weigering werknemer',
	outplacement: 'Outplacement',
	bekortingsverzoek: 'Bekortingsverzoek',
	belastbaarheid: 'Belastbaarheid',
	arbeidsdeskundig_onderzoek: 'Arbeidsdeskundig onderzoek',
	melding_42e_week: '42e-weekmelding UWV',
	eerstejaarsevaluatie: 'Eerstejaarsevaluatie',
	start_tweede_spoor: 'Start tweede spoor',
	activiteit: 'Activiteit tweede spoor',
	sollicitatie: 'Sollicitatie',
	werkhervatting: 'Werkhervatting',
	deskundigenoordeel: 'Deskundigenoordeel UWV',
	wia_brief_uwv: 'WIA-brief UWV',
	verlenging_loondoorbetaling: 'Verlenging loondoorbetaling',
	loonsanctie: 'Loonsanctie (besluit UWV)',
	besluit_bekorting: 'Besluit bekorting loonsanctie',
	einde_dienstverband: 'Einde dienstverband',
	melding_vangnet: 'Ziekmelding vangnet UWV',
	melding_einde_dienstverband: 'Ziekmelding einde dienstverband UWV',
};

export const MODULES = {
	loopbaanorientatie: 'Loopbaanoriëntatie',
	assessment: 'Assessment',
	coaching: 'Coaching',
	sollicitatietraining: 'Sollicitatietraining',
	arbeidsmarktverkenning: 'Arbeidsmarktverkenning',
	jobhunting: 'Jobhunting',
	bemiddeling: 'Bemiddeling',
	scholing: 'Scholing',
	werkervaringsplaats: 'Werkervaringsplaats',
	proefplaatsing: 'Proefplaatsing',
	detachering: 'Detachering',
	zelfstandig_ondernemerschap: 'Zelfstandig ondernemerschap',
	nazorg: 'Nazorg',
};

export const UITKOMSTEN = {
	verstuurd: 'Verstuurd',
	gesprek: 'Gesprek',
	afgewezen: 'Afgewezen',
	aangenomen: 'Aangenomen',
};

export const BIJ = {
	eigen_werk: 'Eigen werk',
	ander_werk_eigen_werkgever: 'Ander werk bij de eigen werkgever',
	andere_werkgever: 'Andere werkgever',
};

export const CONCLUSIES = {
	spoor1: 'Spoor 1: passend werk bij de eigen werkgever',
	spoor2: 'Spoor 2: werk bij een andere werkgever',
	geen_mogelijkheden: 'Geen mogelijkheden',
};

export const INSTRUMENTEN = {fml: 'FML', izp: 'IZP', lab: 'LAB'};

export const VANGNET = {
	'': 'Geen vangnet',
	zwangerschap: 'Zwangerschap',
	orgaandonatie: 'Orgaandonatie',
	no_risk: 'No-riskpolis',
};

/* Findings of spoor-toets/1 (architecture §5.2). */
export const BEVINDINGEN = {
	PA_ONTBREEKT: 'Probleemanalyse ontbreekt',
	PA_TE_LAAT: 'Probleemanalyse te laat',
	PVA_ONTBREEKT: 'Plan van aanpak ontbreekt',
	PVA_TE_LAAT: 'Plan van aanpak te laat',
	GEEN_CASEMANAGER: 'Geen casemanager in het plan van aanpak',
	EVALUATIE_ACHTERSTALLIG: 'Evaluatie achterstallig',
	MELDING_42_ONTBREEKT: '42e-weekmelding ontbreekt',
	MELDING_42_TE_LAAT: '42e-weekmelding te laat',
	EJE_ONTBREEKT: 'Eerstejaarsevaluatie ontbreekt',
	SPOOR2_NIET_GESTART: 'Tweede spoor niet gestart',
	SPOOR2_TE_LAAT_GESTART: 'Tweede spoor te laat gestart',
	SPOOR2_ZONDER_BEMIDDELING: 'Tweede spoor zonder bemiddeling',
	SPOOR2_STIL: 'Tweede spoor ligt stil',
	OUTPLACEMENT_I_P_V_SPOOR2: 'Outplacement in plaats van tweede spoor',
	THERAPEUTISCH_TE_LANG: 'Therapeutisch werken te lang',
	WEIGERING_ZONDER_MAATREGEL: 'Weigering zonder maatregel',
	ACTUEEL_OORDEEL_ONTBREEKT: 'Actueel oordeel ontbreekt',
	EINDEVALUATIE_ONTBREEKT: 'Eindevaluatie ontbreekt',
	RIV_ONTBREEKT: 'Re-integratieverslag ontbreekt',
	RIV_ONVOLLEDIG: 'Re-integratieverslag onvolledig',
	WIA_AANVRAAG_TE_LAAT: 'WIA-aanvraag te laat',
	RIV_EINDE_DIENSTVERBAND_ONTBREEKT: 'Re-integratieverslag bij einde dienstverband ontbreekt',
	MELDING_VANGNET_ONTBREEKT: 'Ziekmelding vangnet ontbreekt',
	MELDING_VANGNET_TE_LAAT: 'Ziekmelding vangnet te laat',
	MELDING_EINDE_DIENSTVERBAND_ONTBREEKT: 'Melding einde dienstverband ontbreekt',
	MELDING_EINDE_DIENSTVERBAND_TE_LAAT: 'Melding einde dienstverband te laat',
	BEVREDIGEND_RESULTAAT: 'Bevredigend resultaat',
	GEEN_BENUTBARE_MOGELIJKHEDEN: 'Geen benutbare mogelijkheden',
};

export function label(tabel, id) {
	return Object.prototype.hasOwnProperty.call(tabel, id) ? tabel[id] : id;
}
