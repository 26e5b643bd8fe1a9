"""Content of the sample job offers (fictional employers), rendered by `make_samples.py`.

Markup: the first line is the title, `# ` starts a heading, `- ` a bullet.
"""

from __future__ import annotations

OFFERS: dict[str, str] = {
    "offer_fr_data_analyst.pdf": """Data Analyst H/F – CDI
Société : Groupe Altea Retail – Lyon (69), hybride 2 jours de télétravail
# Vos missions
- Concevoir et maintenir les tableaux de bord Power BI des directions commerciales.
- Écrire des requêtes SQL complexes sur notre entrepôt PostgreSQL et modéliser les données avec dbt.
- Automatiser les reportings récurrents en Python.
- Accompagner les équipes métier dans l’expression de leurs besoins.
# Profil recherché
- Bac+5 en statistiques, informatique décisionnelle ou école d’ingénieur.
- Au moins 3 ans d’expérience en tant que data analyst.
- Maîtrise de SQL et de Power BI indispensable.
- Python (pandas) requis.
- La connaissance de dbt ou de Tableau est un plus.
- Anglais professionnel (B2) souhaité.
- Rigueur, esprit d’analyse et capacité à vulgariser.
# Conditions
Salaire : 42 à 50 k€ selon expérience. Tickets restaurant, mutuelle prise en charge à 70 %.
""",
    "offer_en_backend_developer.txt": """Senior Python Backend Developer (Remote, UK)
Company: Fintrail – payments infrastructure for online merchants
# About the role
You will design and run the APIs that move money for 4,000 merchants.
# Responsibilities
- Build and maintain REST APIs in Python with FastAPI or Django.
- Own services end to end: design, tests, deployment on Kubernetes (AWS).
- Improve performance and reliability of PostgreSQL-backed services.
- Review code and mentor other engineers.
# Requirements (must have)
- 5+ years of professional experience with Python.
- Strong SQL and PostgreSQL skills.
- Experience with Docker and Kubernetes.
- Solid testing practices (pytest, CI/CD).
- Fluent English; excellent communication skills.
# Nice to have
- Kafka or another event-streaming platform.
- Terraform and infrastructure as code.
- Go.
- Experience in fintech or payments.
# Education
BSc in Computer Science or equivalent experience.
""",
    "offer_fr_comptable.docx": """Comptable unique H/F
Entreprise : Bocage Industries (PME de 120 salariés) – Rennes
# Missions
- Tenue de la comptabilité générale, fournisseurs et clients.
- Déclarations fiscales (TVA, IS, CVAE) et préparation du bilan avec l’expert-comptable.
- Suivi de la trésorerie et rapprochements bancaires.
- Préparation des éléments de paie en lien avec le prestataire.
# Profil
- Formation Bac+2 minimum (BTS CG, DUT GEA) ; un DCG serait un plus.
- 5 ans d’expérience minimum sur un poste similaire, idéalement en PME industrielle.
- Maîtrise indispensable de SAGE 100 et d’Excel.
- La connaissance de Cegid est souhaitée.
- Rigueur, autonomie, discrétion.
# Conditions
CDI, 35 h, rémunération 36–40 k€ brut annuel selon profil.
""",
    "offer_fr_infirmiere.txt": """Infirmier / Infirmière diplômé(e) d'État – Service des urgences
Centre hospitalier de Provence – Aix-en-Provence
# Le poste
- Accueil, tri (IOA) et prise en charge des patients aux urgences adultes.
- Réalisation des soins techniques sur prescription médicale.
- Transmissions écrites et orales, traçabilité dans le dossier patient informatisé.
# Profil
- Diplôme d'État d'infirmier obligatoire.
- Expérience en service d'urgences de 2 ans minimum exigée.
- AFGSU 2 à jour requise.
- Une formation IOA est un plus.
- Sang-froid, sens du travail en équipe, capacité d'adaptation.
# Conditions
Poste en 12 h, jour/nuit. Rémunération selon grille de la fonction publique hospitalière.
""",
    "offer_en_account_manager.pdf": """Key Account Manager – Enterprise SaaS
Company: Vantage Analytics – San Francisco, CA (hybrid)
# What you will do
- Manage and grow a portfolio of strategic enterprise accounts.
- Lead renewal and upsell negotiations with C-level stakeholders.
- Maintain an accurate pipeline and forecast in Salesforce.
- Work closely with customer success and product teams.
# What we are looking for
- At least 5 years of B2B SaaS sales experience, including 3 in account management (required).
- Proven track record of exceeding quota.
- Bachelor's degree in business or a related field.
- Excellent negotiation and communication skills are essential.
- Salesforce proficiency is a must.
# Preferred qualifications
- Experience with Gong or HubSpot.
- Spanish is a plus.
""",
    "offer_en_project_manager.docx": """Marketing Project Manager
Company: Northbridge Retail Group – London
# Key responsibilities
- Plan and deliver integrated marketing campaigns across digital and in-store channels.
- Manage budgets, timelines and risks; report progress to stakeholders.
- Coordinate internal teams and external agencies.
# Essential
- 4+ years of project management experience in marketing.
- Proficiency with Jira or Asana.
- Strong stakeholder management and organisation skills.
- Degree in marketing, business or a related discipline.
# Desirable
- PRINCE2 or Scrum certification.
- Knowledge of Google Analytics.
- Conversational French would be an advantage.
""",
}
