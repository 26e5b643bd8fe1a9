"""Content of the sample CVs (fictional people), rendered by `scripts/make_samples.py`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    """One experience entry."""

    title: str
    org: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Degree:
    """One education entry."""

    title: str
    school: str
    dates: str


@dataclass(frozen=True)
class CV:
    """A fictional person's CV content; `headings` maps section keys to the titles used."""

    slug: str
    lang: str
    name: str
    headline: str
    contact: tuple[str, ...]
    summary: str
    jobs: tuple[Job, ...]
    degrees: tuple[Degree, ...]
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    interests: str
    headings: dict[str, str] = field(default_factory=dict)


FR_HEADINGS = {
    "summary": "Profil",
    "experience": "Expériences professionnelles",
    "education": "Formation",
    "skills": "Compétences",
    "languages": "Langues",
    "interests": "Centres d’intérêt",
}
EN_HEADINGS = {
    "summary": "Summary",
    "experience": "Work Experience",
    "education": "Education",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
}

DATA_ANALYST = CV(
    slug="cv_fr_data_analyst",
    lang="fr",
    name="Camille Moreau",
    headline="Data Analyst – Power BI, SQL, Python",
    contact=(
        "camille.moreau@exemple.fr",
        "06 12 34 56 78",
        "linkedin.com/in/camille-moreau-data",
        "Lyon (69)",
    ),
    summary=(
        "Data analyst avec 5 ans d’expérience dans la distribution et l’assurance. "
        "Je transforme des données brutes en tableaux de bord clairs pour les équipes métier "
        "et j’automatise les reportings récurrents. Rigoureuse, pédagogue et curieuse."
    ),
    jobs=(
        Job(
            "Data Analyst",
            "Groupe Lumen Distribution, Lyon",
            "janv. 2021 – aujourd’hui",
            (
                "Conçu 14 tableaux de bord Power BI suivis chaque semaine par 120 managers.",
                "Automatisé le reporting commercial en Python (pandas) : 2 jours gagnés par mois.",
                "Modélisé un entrepôt de données sous PostgreSQL et dbt (45 tables).",
                "Animé des ateliers de formation SQL pour 30 collaborateurs.",
            ),
        ),
        Job(
            "Chargée d’études statistiques",
            "Mutuelle Horizon, Villeurbanne",
            "sept. 2018 – déc. 2020",
            (
                "Réalisé des analyses de churn (régression logistique, R) réduisant "
                "la résiliation de 8 %.",
                "Produit les indicateurs mensuels de sinistralité sous Excel et VBA.",
                "Piloté la migration de 60 rapports SAS vers Python.",
            ),
        ),
        Job(
            "Stagiaire analyste de données",
            "Banque Rhône-Alpes, Lyon",
            "2018",
            ("Nettoyé et documenté une base clients de 2 millions de lignes.",),
        ),
    ),
    degrees=(
        Degree("Master Statistique et Big Data (Bac+5)", "Université Lyon 2", "2016 – 2018"),
        Degree("Licence Mathématiques appliquées", "Université Claude Bernard Lyon 1", "2016"),
    ),
    skills=(
        "Langages : SQL, Python (pandas, scikit-learn), R, VBA",
        "Outils : Power BI, Tableau, Excel avancé, dbt, PostgreSQL, Git",
        "Méthodes : statistiques, data visualisation, gestion de projet agile",
        "Savoir-être : rigueur, esprit d’analyse, pédagogie, travail en équipe",
    ),
    languages=("Français : langue maternelle", "Anglais : C1 (TOEIC 915)", "Espagnol : B1"),
    interests="Course à pied (semi-marathon), bénévolat dans une association d’aide aux devoirs.",
)

BACKEND = CV(
    slug="cv_en_backend_developer",
    lang="en",
    name="Daniel Okafor",
    headline="Senior Python Backend Developer",
    contact=(
        "daniel.okafor@example.com",
        "+44 7700 900123",
        "linkedin.com/in/daniel-okafor",
        "Manchester, UK",
    ),
    summary=(
        "Backend developer with 7 years of experience building Python APIs and data platforms "
        "for fintech and e-commerce. I care about clean architecture, automated testing and "
        "calm on-call rotations. Comfortable mentoring junior engineers."
    ),
    jobs=(
        Job(
            "Senior Backend Engineer",
            "Northpay Ltd, Manchester",
            "since 2022",
            (
                "Designed a payments API in Python (FastAPI) handling 3 million requests a day.",
                "Cut p95 latency by 40% by introducing Redis caching and query tuning "
                "in PostgreSQL.",
                "Led the migration of 12 services to Kubernetes on AWS with Terraform.",
                "Mentored 4 junior developers and ran weekly code reviews.",
            ),
        ),
        Job(
            "Python Developer",
            "Basketly, Leeds",
            "2019 - 2021",
            (
                "Built Django REST services for the order pipeline (Celery, RabbitMQ).",
                "Raised test coverage from 55% to 90% with pytest and CI on GitHub Actions.",
                "Implemented event streaming with Kafka for stock updates.",
            ),
        ),
        Job(
            "Junior Software Developer",
            "Datacraft Consulting, Liverpool",
            "2017 - 2019",
            ("Maintained ETL jobs in Python and SQL for 15 retail clients.",),
        ),
    ),
    degrees=(
        Degree("MSc Computer Science", "University of Manchester", "2016 - 2017"),
        Degree("BSc Software Engineering", "University of Leeds", "2013 - 2016"),
    ),
    skills=(
        "Languages: Python, SQL, Go, Bash",
        "Frameworks: FastAPI, Django, Celery, SQLAlchemy",
        "Infrastructure: Docker, Kubernetes, AWS, Terraform, PostgreSQL, Redis, Kafka",
        "Practices: TDD, CI/CD, REST API design, microservices",
        "Soft skills: communication, mentoring, ownership, problem solving",
    ),
    languages=("English: native", "French: B2", "Igbo: conversational"),
    interests="Open-source contributor, cycling, chess club treasurer.",
    headings={**EN_HEADINGS, "experience": "Professional Experience"},
)

COMPTABLE = CV(
    slug="cv_fr_comptable",
    lang="fr",
    name="Sophie Lambert",
    headline="Comptable unique – Expertise PME",
    contact=(
        "sophie.lambert@exemple.fr",
        "+33 6 45 78 12 90",
        "linkedin.com/in/sophie-lambert-compta",
        "Nantes",
    ),
    summary=(
        "Comptable confirmée, 8 ans d’expérience en cabinet puis en entreprise. "
        "Autonome sur la tenue complète jusqu’au bilan, la paie et les déclarations fiscales."
    ),
    jobs=(
        Job(
            "Comptable unique",
            "Atlantique Menuiseries (85 salariés), Nantes",
            "mars 2020 – aujourd’hui",
            (
                "Assuré la tenue comptable complète et la clôture annuelle dans SAGE 100.",
                "Préparé les déclarations de TVA, la liasse fiscale et la CVAE.",
                "Réduit le délai de clôture mensuelle de 12 à 6 jours ouvrés.",
                "Géré la paie de 85 salariés et les relations avec l’URSSAF.",
            ),
        ),
        Job(
            "Collaboratrice comptable",
            "Cabinet Durand & Associés, Saint-Nazaire",
            "2015 - 2020",
            (
                "Suivi un portefeuille de 40 dossiers clients (TPE, artisans, professions "
                "libérales).",
                "Établi les bilans et comptes de résultat, rapprochements bancaires.",
            ),
        ),
    ),
    degrees=(
        Degree("DCG – Diplôme de comptabilité et de gestion (Bac+3)", "INTEC, CNAM", "2015"),
        Degree("BTS Comptabilité et gestion", "Lycée Gabriel Guist’hau, Nantes", "2012 – 2014"),
    ),
    skills=(
        "Logiciels : SAGE 100, Cegid, Excel (tableaux croisés dynamiques), Silae",
        "Comptabilité générale, fiscalité, paie, rapprochements bancaires, clôture",
        "Savoir-être : rigueur, discrétion, organisation, sens des priorités",
    ),
    languages=("Français : natif", "Anglais : B1"),
    interests="Chorale, randonnée.",
    headings={**FR_HEADINGS, "experience": "EXPÉRIENCE PROFESSIONNELLE", "summary": "À propos"},
)

INFIRMIERE = CV(
    slug="cv_fr_infirmiere",
    lang="fr",
    name="Inès Benali",
    headline="Infirmière diplômée d’État – Urgences et soins continus",
    contact=(
        "ines.benali@exemple.fr",
        "07 81 22 33 44",
        "linkedin.com/in/ines-benali-ide",
        "Marseille",
    ),
    summary=(
        "Infirmière DE depuis 2017, 6 ans aux urgences adultes. Gestion du stress, "
        "écoute des patients et coordination avec les équipes médicales."
    ),
    jobs=(
        Job(
            "Infirmière aux urgences",
            "Hôpital Nord, AP-HM, Marseille",
            "depuis 2019",
            (
                "Pris en charge jusqu’à 25 patients par garde (tri IOA, soins techniques).",
                "Formé 10 nouveaux infirmiers aux protocoles de triage.",
                "Participé à la mise en place du dossier patient informatisé (DxCare).",
            ),
        ),
        Job(
            "Infirmière en soins continus",
            "Clinique Saint-Roch, Toulon",
            "2017 – 2019",
            (
                "Surveillé des patients post-opératoires (scope, pousse-seringues).",
                "Assuré les transmissions écrites et orales avec l’équipe de nuit.",
            ),
        ),
    ),
    degrees=(
        Degree(
            "Diplôme d’État d’infirmier (Bac+3, grade licence)", "IFSI de Toulon", "2014 – 2017"
        ),
        Degree("AFGSU niveau 2", "CESU 13", "2021"),
    ),
    skills=(
        "Soins techniques : perfusions, prélèvements, pansements complexes, ECG",
        "Urgences : tri IOA, gestes d’urgence, chariot d’urgence",
        "Outils : DxCare, Orbis, Pack Office",
        "Savoir-être : empathie, sang-froid, travail en équipe, adaptabilité",
    ),
    languages=("Français : langue maternelle", "Arabe : courant", "Anglais : A2"),
    interests="Secourisme bénévole (Croix-Rouge), natation.",
)

ACCOUNT_MANAGER = CV(
    slug="cv_en_account_manager",
    lang="en",
    name="Rebecca Hughes",
    headline="Key Account Manager – B2B SaaS",
    contact=(
        "rebecca.hughes@example.com",
        "+1 415 555 0142",
        "linkedin.com/in/rebecca-hughes-sales",
        "San Francisco, CA",
    ),
    summary=(
        "Results-driven account manager with 9 years in B2B software sales. Consistently "
        "above quota, trusted by enterprise clients for clear negotiation and follow-through."
    ),
    jobs=(
        Job(
            "Senior Account Manager",
            "Cloudline Software, San Francisco",
            "2020 - present",
            (
                "Grew a portfolio of 35 enterprise accounts from $4.1M to $6.8M ARR.",
                "Closed 12 upsell deals above $150K with multi-year contracts.",
                "Negotiated renewals with procurement teams, keeping churn under 3%.",
                "Forecasted pipeline weekly in Salesforce with 95% accuracy.",
            ),
        ),
        Job(
            "Account Executive",
            "Brightdesk Inc., Oakland",
            "2016 - 2020",
            (
                "Prospected mid-market companies and achieved 118% of quota on average.",
                "Ran product demos and coordinated onboarding with customer success.",
            ),
        ),
        Job(
            "Sales Development Representative",
            "Tallyware, San Jose",
            "2015 - 2016",
            ("Booked 60 qualified meetings per quarter through cold calling and email.",),
        ),
    ),
    degrees=(Degree("BA Business Administration", "San Jose State University", "2011 - 2015"),),
    skills=(
        "Sales: account planning, negotiation, upselling, pipeline management, forecasting",
        "Tools: Salesforce, HubSpot, Gong, LinkedIn Sales Navigator, Excel",
        "Soft skills: active listening, persuasion, resilience, relationship building",
    ),
    languages=("English: native", "Spanish: B2"),
    interests="Marathon running, volunteering at a food bank.",
    headings={**EN_HEADINGS, "experience": "Work History", "summary": "Profile"},
)

PROJECT_MANAGER = CV(
    slug="cv_en_project_manager",
    lang="en",
    name="Olivia Bennett",
    headline="Marketing Project Manager",
    contact=(
        "olivia.bennett@example.co.uk",
        "+44 20 7946 0958",
        "linkedin.com/in/olivia-bennett-pm",
        "London",
    ),
    summary=(
        "Marketing project manager with 6 years of experience delivering multichannel "
        "campaigns on time and on budget. PRINCE2 and Scrum certified."
    ),
    jobs=(
        Job(
            "Marketing Project Manager",
            "Harbour & Finch Agency, London",
            "2021 - present",
            (
                "Managed 20+ campaigns a year with budgets up to £500K for retail clients.",
                "Coordinated designers, copywriters and media buyers across 3 countries.",
                "Introduced Jira and Scrum rituals, cutting delivery delays by 30%.",
            ),
        ),
        Job(
            "Digital Marketing Coordinator",
            "Greenleaf Foods, Bristol",
            "2018 - 2021",
            (
                "Planned social media and email campaigns (Mailchimp, Hootsuite).",
                "Reported campaign KPIs in Google Analytics and Looker Studio.",
            ),
        ),
    ),
    degrees=(
        Degree("MA Marketing Management", "University of Bristol", "2017 - 2018"),
        Degree("PRINCE2 Practitioner", "Axelos", "2020"),
    ),
    skills=(
        "Project management: planning, budgeting, risk management, stakeholder management",
        "Tools: Jira, Asana, MS Project, Google Analytics, HubSpot, Canva",
        "Soft skills: leadership, communication, organisation, adaptability",
    ),
    languages=("English: native", "French: B1", "German: A2"),
    interests="Photography, community theatre.",
)

MARKETING_FR = CV(
    slug="cv_fr_chef_de_projet_marketing",
    lang="fr",
    name="Julien Petit",
    headline="Chef de projet marketing digital",
    contact=(
        "julien.petit@exemple.fr",
        "+33 (0)1 42 68 53 00",
        "linkedin.com/in/julien-petit-marketing",
        "Paris 11e",
    ),
    summary=(
        "Chef de projet marketing digital, 7 ans d’expérience en agence et chez l’annonceur. "
        "Spécialiste de l’acquisition (SEO, SEA), du CRM et du pilotage de la performance."
    ),
    jobs=(
        Job(
            "Chef de projet marketing digital",
            "Maison Verlaine (cosmétiques), Paris",
            "janv. 2020 – aujourd’hui",
            (
                "Piloté le lancement de 3 gammes produits sur 5 marchés européens.",
                "Augmenté le trafic organique de 65 % en 18 mois grâce à une stratégie SEO.",
                "Géré un budget média de 1,2 M€ (Google Ads, Meta Ads).",
                "Encadré 2 chargés de marketing et une alternante.",
            ),
        ),
        Job(
            "Chargé de marketing digital",
            "Agence Pixelune, Paris",
            "2016 – 2019",
            (
                "Créé des campagnes emailing sous Salesforce Marketing Cloud pour 12 clients.",
                "Réalisé des tests A/B qui ont amélioré le taux de conversion de 18 %.",
            ),
        ),
    ),
    degrees=(
        Degree("Master Marketing digital (Bac+5)", "IAE Paris-Sorbonne", "2014 – 2016"),
        Degree("DUT Techniques de commercialisation", "IUT de Sceaux", "2012 – 2014"),
    ),
    skills=(
        "Acquisition : SEO, SEA, social ads, marketing automation",
        "Outils : Google Analytics 4, Google Ads, Salesforce Marketing Cloud, Figma, Excel",
        "Gestion de projet : planning, budget, coordination de prestataires",
        "Savoir-être : créativité, leadership, sens de l’organisation, esprit d’équipe",
    ),
    languages=("Français : langue maternelle", "Anglais : C1", "Italien : B1"),
    interests="Photographie argentique, football en club.",
    headings={**FR_HEADINGS, "experience": "Expériences", "summary": "Profil professionnel"},
)

LOGISTICS = CV(
    slug="cv_en_logistics_coordinator",
    lang="en",
    name="Priya Raman",
    headline="Logistics & Supply Chain Coordinator",
    contact=(
        "priya.raman@example.com",
        "+353 87 123 4567",
        "linkedin.com/in/priya-raman-logistics",
        "Dublin, Ireland",
    ),
    summary=(
        "Supply chain coordinator with 4 years of experience in warehouse operations and "
        "transport planning. Calm under pressure, data-minded and a clear communicator."
    ),
    jobs=(
        Job(
            "Logistics Coordinator",
            "Emerald Freight Services, Dublin",
            "Mar 2021 - Present",
            (
                "Planned 150 outbound shipments a week across Ireland and the UK.",
                "Reduced late deliveries by 22% by rebuilding carrier schedules in SAP.",
                "Negotiated rates with 8 hauliers, saving EUR 90K a year.",
            ),
        ),
        Job(
            "Warehouse Team Leader",
            "Northside Distribution, Cork",
            "2019 - 2021",
            (
                "Supervised a team of 12 operatives on a 3-shift pattern.",
                "Introduced cycle counting, raising stock accuracy to 99.2%.",
            ),
        ),
    ),
    degrees=(
        Degree("BSc Supply Chain Management", "Dublin City University", "2015 - 2019"),
        Degree("Forklift and Health & Safety certificates", "SOLAS", "2019"),
    ),
    skills=(
        "Operations: transport planning, inventory control, incoming goods, customs paperwork",
        "Tools: SAP MM/WM, Excel (VLOOKUP, pivot tables), Power BI",
        "Soft skills: teamwork, problem solving, time management",
    ),
    languages=("English: C2", "Tamil: native", "French: A2"),
    interests="Hiking, cricket.",
    headings={**EN_HEADINGS, "experience": "Employment History", "summary": "Personal Profile"},
)

CVS: tuple[CV, ...] = (
    DATA_ANALYST,
    BACKEND,
    COMPTABLE,
    INFIRMIERE,
    ACCOUNT_MANAGER,
    PROJECT_MANAGER,
    MARKETING_FR,
    LOGISTICS,
)


def headings(cv: CV) -> dict[str, str]:
    """The section titles this CV uses."""
    base = FR_HEADINGS if cv.lang == "fr" else EN_HEADINGS
    return {**base, **cv.headings}
