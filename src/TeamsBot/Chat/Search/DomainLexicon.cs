using System.Collections.Immutable;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Words and phrases that mean the same in the plans' domain, so that an English question finds a Norwegian measure
/// (and a Norwegian question the English 22 July plan), and Norwegian synonyms find each other. Each row is one
/// concept; every phrase of a row matches every other phrase of it. Chosen by reading the plan files: the Norwegian
/// side is written the way the measures write it. Order within a row does not matter.
/// </summary>
public static class DomainLexicon
{
    public static ImmutableArray<ImmutableArray<string>> Concepts { get; } =
    [
        // Tools, assessments, evaluations
        ["risk assessment tool", "risk assessment tools", "risikovurderingsverktøy"],
        ["risk assessment", "risikovurdering"],
        ["risk", "risiko"],
        ["threat assessment", "threat assessments", "trusselvurdering"],
        ["threat", "threats", "trussel", "trusler"],
        ["threatened", "under threat", "exposed to threats", "trusselutsatt", "trussel-utsatte"],
        ["assessment", "consideration", "vurdering"],
        ["evaluation", "evaluate", "evaluering", "evaluere"],
        ["investigation", "study", "inquiry", "utredning", "utrede"],
        ["legal assessment", "legal review", "rettslig vurdering"],
        ["tool", "tools", "verktøy"],

        // Guidance and rules
        ["guideline", "guidelines", "guidance", "retningslinje", "veiledningsmateriell", "veiledning"],
        ["guidance material", "veiledningsmateriell"],
        ["circular", "rundskriv"],
        ["procedure", "procedures", "prosedyre", "rutine"],
        ["routine", "rutine"],
        ["instructions", "instruks", "instruksjon"],
        ["regulations", "legislation", "rules", "legal framework", "regelverk", "lovgivning"],
        ["plan", "plans", "planverk", "handlingsplan"],

        // Cooperation and information
        ["information sharing", "sharing information", "share information", "sharing of information", "informasjonsdeling",
            "deling av opplysninger", "deling av informasjon", "informasjonsutveksling"],
        ["information", "informasjon", "opplysning"],
        ["sharing", "share", "deling"],
        ["cooperation", "collaboration", "co-operation", "interaction", "samhandling", "samarbeid", "samvirke"],
        ["coordination", "coordinate", "koordinering"],
        ["agreement", "agreements", "avtale", "samarbeidsavtale"],
        ["contact point", "point of contact", "kontaktpunkt"],
        ["liaison", "liaison officer", "liaisonordning"],
        ["meeting", "meetings", "møte", "dialogmøte"],
        ["dialogue", "dialog"],
        ["communication", "communications", "kommunikasjon"],
        ["network", "networks", "nettverk", "fagnettverk"],

        // Exercises, training, competence
        ["exercise", "exercises", "drill", "drills", "øvelse", "øving"],
        ["training", "train", "opplæring", "trening", "vedlikeholdstrening"],
        ["competence", "expertise", "skills", "kompetanse", "kompetanseheving"],
        ["knowledge", "kunnskap", "kunnskapsformidling"],
        ["study programme", "course", "studie", "studieemne"],
        ["leadership development programme", "leadership programme", "lederutviklingsprogram"],
        ["research", "research project", "forskning", "forskningsprosjekt"],
        ["recruitment", "rekruttering"],
        ["function", "functions", "role", "funksjon"],
        ["staff", "personnel", "employees", "personell", "ansatte"],

        // Prevention, radicalisation, extremism, terror
        ["prevention", "preventive", "preventing", "forebygging", "forebyggende", "avverging"],
        ["radicalisation", "radicalization", "radikalisering"],
        ["radicalisation contact", "radicalization contact", "radikaliseringskontakt"],
        ["extremism", "extremist", "ekstremisme"],
        ["violent extremism", "voldelig ekstremisme"],
        ["terror", "terrorism", "terrorist", "terrorangrep", "kontraterror", "counter-terrorism"],
        ["diversity coordinator", "diversity coordinators", "mangfoldskoordinator"],
        ["diversity", "mangfold"],
        ["minority", "minorities", "minority groups", "minoritet", "minoritetsgruppe"],
        ["children", "child", "barn"],
        ["security clearance", "sikkerhetsklarering"],
        ["classified", "gradert"],

        // Emergency response and operations
        ["emergency response", "preparedness", "emergency preparedness", "beredskap"],
        ["operations centre", "operation centre", "operations center", "operation centres", "operasjonssentral", "ops"],
        ["operations commander", "incident commander", "operasjonsleder"],
        ["situational awareness", "common operational picture", "situasjonsforståelse"],
        ["situation centre", "situasjonssenter"],
        ["incident", "incidents", "hendelse"],
        ["crisis", "crises", "krise"],
        ["alarm", "alert", "alerting", "varsling", "varslingssystem"],
        ["operation order", "operation orders", "operasjonsordre"],
        ["video conferencing", "video conference", "videokonferanse", "vtc"],
        ["ongoing life-threatening violence", "active shooter", "plivo"],
        ["weapons", "weapon", "firearms", "firearm", "våpen", "skytevåpen"],
        ["helicopter", "helicopters", "helikopter"],
        ["armed forces", "military", "forsvaret"],
        ["emergency network", "radio network", "nødnett"],

        // Health
        ["health service", "health services", "healthcare", "helsetjeneste"],
        ["health trust", "health trusts", "hospital", "hospitals", "helseforetak"],
        ["mental health", "mentally ill", "psykisk helse", "psykisk syke", "psykisk helsevern"],
        ["health", "helse"],

        // Organisation and governance
        ["police district", "police districts", "politidistrikt"],
        ["police", "politi"],
        ["correctional service", "prison service", "kriminalomsorg"],
        ["human rights", "menneskerettighet", "menneskerettslig"],
        ["demonstration", "demonstrations", "protest", "demonstrasjon"],
        ["crime", "criminality", "kriminalitet"],
        ["fighting crime", "combating crime", "crime fighting", "kriminalitetsbekjempelse"],
        ["international cooperation", "international police cooperation", "internasjonalt samarbeid", "politisamarbeid"],
        ["digitalisation", "digitalization", "digital", "digitalisering"],
        ["technology", "teknologi"],
        ["funding", "financing", "finance", "finansiering"],
        ["capacity", "kapasitet"],
        ["governance", "management", "steering", "styring"],
        ["intelligence", "etterretning"],

        // Follow-up vocabulary
        ["deadline", "due date", "due", "frist", "tidsfrist"],
        ["status", "progress", "status"],
        ["owner", "responsible", "responsibility", "ansvar", "ansvarlig", "eier"],
        ["report", "reporting", "rapport", "rapportering", "rapportere"],
        ["measure", "measures", "action", "actions", "tiltak"],
    ];
}
