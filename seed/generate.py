#!/usr/bin/env python3
"""Write the seed JSON files: the UNVTF's reported history, filled in with illustrative records.

The UN reports give aggregates only (11 grants for some USD 750,000; 113 proposals from 59
countries; USD 2 million from 19 Member States and more than 30 private donors; ...). They
name no grantee, no proposal and no donor amount. This script invents those records, marks
each one ``"illustrative": true``, and makes the aggregates come out exactly as reported.
Every real figure keeps its source (document symbol and paragraph) beside it.

Deterministic (fixed random seed) and standard library only:

    python seed/generate.py            # rewrites seed/*.json

The loader (``fundapp.seeding.load_seed``) reads only the JSON files this writes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import torture_fund  # seed/torture_fund.py, beside this script

from fundapp.books.support import grantable_minor, support_costs_minor
from fundapp.funds.models import percent_of_bp

SEED = 20100730  # the day GA resolution 64/293 created the Fund
OUT_DIR = Path(__file__).resolve().parent
R = random.Random(SEED)

# --------------------------------------------------------------------------------------------
# Sources. Only A/74/127 prints its symbol; the 8 June 2015 report's symbol is not in its
# text (probably A/70/94, unverified), so it is cited by date and agenda item.
# --------------------------------------------------------------------------------------------
REPORT_2015 = "Report of the Secretary-General of 8 June 2015 (A/70/50, item 107)"


def src15(par: str) -> str:
    return f"{REPORT_2015}, par. {par}"


def src19(par: str) -> str:
    return f"A/74/127 par. {par}"


FUND_CODE = "UNVTF"
#: Programme support costs set aside on commitments, in basis points: the United Nations' standard
#: 13 per cent on trust funds (ST/SGB/188 par. 47; ST/AI/286; the rate the General Assembly approved
#: on the recommendation in A/35/544). The reports do not state it for this fund: it is assumed,
#: and at it the support costs of the first two cycles' grants (229,716.50 on 1,767,050.00) are
#: what the USD 2 million received by June 2015 leaves over those grants (2015 report par. 65-66, 69).
SUPPORT_BP = 1300
TODAY = dt.date(2020, 12, 31)  # the seeded history runs to the end of 2020
CUTOFF_2015 = dt.date(2015, 6, 8)  # the day of the 2015 report, whose figures it gives
CUTOFF_2019 = dt.date(2019, 3, 31)

CYCLE1_TOTAL = 745_600_00  # "quelque 750 000 dollars": near, not at, the round figure
#: The draw below aims at this round figure; the last grant then gives back the difference.
CYCLE1_DRAWN = 750_000_00
PRIVATE_TOTAL_2015 = 648_420_00  # 32.42 % of USD 2 million: "presque un tiers"
TOTAL_2015 = 2_000_000_00
TOTAL_2019 = 6_704_219_35  # "6,7 millions de dollars"
CHARIDY_TOTAL = 50_000_00
CAMPAIGN_NAME = "World Day 2017 online campaign"
PRIORITIES_CALL_3 = [
    "direct assistance to victims in situations of armed conflict",
    "direct assistance to victims in mixed migration flows",
]
#: The same in French, in the words of A/74/127 par. 123 ("la priorité aux projets d'assistance
#: directe aux victimes dans les situations de conflits armés et les flux migratoires mixtes").
PRIORITIES_CALL_3_FR = [
    "assistance directe aux victimes dans les situations de conflits armés",
    "assistance directe aux victimes dans les flux migratoires mixtes",
]
#: People the cycle-2 grantees reported assisting over their 24 months: 3,000 a year, as
#: A/74/127 par. 122 says ("Chaque année, 3 000 personnes"), the figure of the last cycle whose
#: final reports were all in by March 2019.
CYCLE2_PEOPLE = 6_000
CRITERIA = [
    "registered_non_profit",
    "direct_assistance_to_victims",
    "experience_with_victims",
    "amount_within_limits",
    "duration_within_limits",
    "complete_application",
]
APPROVER = "UNODC (Fund manager)"
DEMO_DOMAIN = "demo.fundapp.example"


def _table(text: str) -> dict[str, list[str]]:
    """``key: a, b, c`` lines (a key may take several lines) -> {key: [a, b, c, ...]}."""
    table: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        key, _, items = line.partition(": ")
        table.setdefault(key.strip(), []).extend(i.strip() for i in items.split(", ") if i.strip())
    return table


def _lines(text: str) -> dict[str, list[str]]:
    """``key: item`` lines, one item per line (items may hold commas)."""
    table: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        key, _, item = line.partition(": ")
        table.setdefault(key.strip(), []).append(item.strip())
    return table


# code: English name | language of names | name pool | region | cities
COUNTRY_TABLE = """
NG | Nigeria | en | ng | africa | Lagos, Benin City, Abuja, Kano, Maiduguri
GH | Ghana | en | gh | africa | Accra, Kumasi, Tamale
SL | Sierra Leone | en | sl | africa | Freetown, Bo, Kenema
LR | Liberia | en | sl | africa | Monrovia, Gbarnga
KE | Kenya | en | eafr | africa | Nairobi, Mombasa, Kisumu
UG | Uganda | en | eafr | africa | Kampala, Gulu, Mbale
TZ | United Republic of Tanzania | en | eafr | africa | Dar es Salaam, Arusha, Mwanza
ET | Ethiopia | en | ethiopia | africa | Addis Ababa, Bahir Dar, Hawassa
RW | Rwanda | en | rwanda | africa | Kigali, Rubavu
MW | Malawi | en | safr | africa | Lilongwe, Blantyre, Mzuzu
ZM | Zambia | en | safr | africa | Lusaka, Livingstone, Chipata
ZW | Zimbabwe | en | safr | africa | Harare, Bulawayo, Mutare
ZA | South Africa | en | safr | africa | Johannesburg, Cape Town, Durban
SS | South Sudan | en | ssudan | africa | Juba, Wau
SO | Somalia | en | somali | africa | Mogadishu, Hargeisa, Garowe
SD | Sudan | en | arab | africa | Khartoum, Kassala, Port Sudan
SN | Senegal | fr | wafr_fr | africa | Dakar, Saint-Louis, Kolda
ML | Mali | fr | wafr_fr | africa | Bamako, Mopti, Gao
BF | Burkina Faso | fr | wafr_fr | africa | Ouagadougou, Bobo-Dioulasso
CI | Côte d'Ivoire | fr | wafr_fr | africa | Abidjan, Bouaké, San-Pédro
BJ | Benin | fr | wafr_fr | africa | Cotonou, Parakou
TG | Togo | fr | wafr_fr | africa | Lomé, Kara
NE | Niger | fr | wafr_fr | africa | Niamey, Agadez, Zinder
GN | Guinea | fr | wafr_fr | africa | Conakry, Kankan
CM | Cameroon | fr | cafr_fr | africa | Yaoundé, Douala, Maroua
CD | Democratic Republic of the Congo | fr | cafr_fr | africa | Kinshasa, Goma, Bukavu
CF | Central African Republic | fr | cafr_fr | africa | Bangui, Bambari
DJ | Djibouti | fr | somali | africa | Djibouti, Obock
MG | Madagascar | fr | malagasy | africa | Antananarivo, Toamasina
MA | Morocco | fr | maghreb | mena | Rabat, Casablanca, Oujda, Tangier
TN | Tunisia | fr | maghreb | mena | Tunis, Sfax, Sousse
MZ | Mozambique | pt | mozang | africa | Maputo, Beira, Nampula
AO | Angola | pt | mozang | africa | Luanda, Benguela
EG | Egypt | ar | arab | mena | Cairo, Alexandria, Aswan
IQ | Iraq | ar | arab | mena | Baghdad, Erbil, Duhok, Mosul
JO | Jordan | ar | arab | mena | Amman, Irbid, Mafraq
LB | Lebanon | ar | arab | mena | Beirut, Tripoli, Zahle
YE | Yemen | ar | arab | mena | Sana'a, Aden
TR | Türkiye | en | turkish | mena | Istanbul, Gaziantep, Izmir
IN | India | en | india | asia | Kolkata, Mumbai, Hyderabad, Patna
NP | Nepal | en | nepal | asia | Kathmandu, Pokhara, Biratnagar
BD | Bangladesh | en | bangla | asia | Dhaka, Jessore, Cox's Bazar
PK | Pakistan | en | pak_af | asia | Lahore, Karachi, Peshawar
LK | Sri Lanka | en | lanka | asia | Colombo, Kandy
AF | Afghanistan | en | pak_af | asia | Kabul, Herat, Mazar-i-Sharif
TH | Thailand | en | thai | asia | Bangkok, Chiang Mai, Mae Sot
KH | Cambodia | en | khmer | asia | Phnom Penh, Siem Reap, Battambang
VN | Viet Nam | en | viet | asia | Hanoi, Ho Chi Minh City, Lao Cai
LA | Lao People's Democratic Republic | en | lao | asia | Vientiane, Savannakhet
MM | Myanmar | en | burmese | asia | Yangon, Mandalay, Myitkyina
PH | Philippines | en | filipino | asia | Manila, Cebu City, Davao City
ID | Indonesia | en | malay | asia | Jakarta, Surabaya, Kupang
MY | Malaysia | en | malay | asia | Kuala Lumpur, Johor Bahru
MN | Mongolia | en | mongol | asia | Ulaanbaatar, Erdenet
KG | Kyrgyzstan | ru | kazkyr | asia | Bishkek, Osh
TJ | Tajikistan | ru | tajuz | asia | Dushanbe, Khujand
UZ | Uzbekistan | ru | tajuz | asia | Tashkent, Samarkand
KZ | Kazakhstan | ru | kazkyr | asia | Almaty, Shymkent
FJ | Fiji | en | pacific | pacific | Suva, Lautoka
PG | Papua New Guinea | en | pacific | pacific | Port Moresby, Lae
AL | Albania | en | albanian | europe | Tirana, Shkodër, Vlorë
MD | Republic of Moldova | en | romanian | europe | Chișinău, Bălți, Cahul
UA | Ukraine | en | eslav | europe | Kyiv, Kharkiv, Odesa, Kramatorsk
RO | Romania | en | romanian | europe | Bucharest, Iași, Timișoara
BG | Bulgaria | en | bulgarian | europe | Sofia, Plovdiv, Varna
RS | Serbia | en | yugo | europe | Belgrade, Novi Sad, Niš
BA | Bosnia and Herzegovina | en | yugo | europe | Sarajevo, Tuzla, Mostar
MK | North Macedonia | en | yugo | europe | Skopje, Bitola
GE | Georgia | en | georgian | europe | Tbilisi, Batumi, Kutaisi
AM | Armenia | en | armenian | europe | Yerevan, Gyumri
AZ | Azerbaijan | en | azeri | europe | Baku, Ganja
BY | Belarus | ru | eslav | europe | Minsk, Gomel
GR | Greece | en | greek | europe | Athens, Thessaloniki, Mytilene
IT | Italy | it | italian | europe | Rome, Palermo, Turin, Catania
ES | Spain | es | latin | europe | Madrid, Seville, Barcelona
NL | Netherlands | nl | nl | europe | Amsterdam, Rotterdam, Utrecht
BE | Belgium | fr | fr | europe | Brussels, Antwerp, Liège
FR | France | fr | fr | europe | Paris, Marseille, Lyon
DE | Germany | de | german | europe | Berlin, Hamburg, Munich
MX | Mexico | es | latin | americas | Mexico City, Tapachula, Tijuana, Puebla
GT | Guatemala | es | latin | americas | Guatemala City, Quetzaltenango
HN | Honduras | es | latin | americas | Tegucigalpa, San Pedro Sula
SV | El Salvador | es | latin | americas | San Salvador, Santa Ana
NI | Nicaragua | es | latin | americas | Managua, León
CR | Costa Rica | es | latin | americas | San José, Limón
PA | Panama | es | latin | americas | Panama City, Colón, David
CO | Colombia | es | latin | americas | Bogotá, Medellín, Cúcuta, Cali
EC | Ecuador | es | andean | americas | Quito, Guayaquil, Lago Agrio
PE | Peru | es | andean | americas | Lima, Cusco, Puerto Maldonado
BO | Bolivia (Plurinational State of) | es | andean | americas | La Paz, Santa Cruz, El Alto
PY | Paraguay | es | latin | americas | Asunción, Ciudad del Este
AR | Argentina | es | latin | americas | Buenos Aires, Córdoba, Rosario
CL | Chile | es | latin | americas | Santiago, Antofagasta
DO | Dominican Republic | es | latin | americas | Santo Domingo, Santiago de los Caballeros
BR | Brazil | pt | luso | americas | São Paulo, Recife, Belém, Manaus
HT | Haiti | fr | haiti | americas | Port-au-Prince, Cap-Haïtien
JM | Jamaica | en | caribbean | americas | Kingston, Montego Bay
TT | Trinidad and Tobago | en | caribbean | americas | Port of Spain, San Fernando
US | United States of America | en | anglo | americas | New York, Houston, Los Angeles
"""
COUNTRIES: dict[str, tuple[str, str, str, str, list[str]]] = {
    row[0]: (row[1], row[2], row[3], row[4], row[5].split(", "))
    for row in (
        tuple(cell.strip() for cell in line.split("|")) for line in COUNTRY_TABLE.strip().splitlines()
    )
}

_NAME_TABLE = _table("""
ng.first: Adaeze, Chinedu, Ngozi, Emeka, Blessing, Tunde, Bisi, Aisha, Funmilayo, Ifeoma
ng.last: Okafor, Adeyemi, Eze, Nwosu, Abubakar, Okonkwo, Balogun, Ibrahim
gh.first: Kwame, Akosua, Kofi, Efua, Ama, Yaw, Abena
gh.last: Mensah, Boateng, Owusu, Danso, Asante, Appiah
sl.first: Fatmata, Mohamed, Comfort, Aminata, Musu, Joseph
sl.last: Sesay, Kamara, Bangura, Tarawally, Koroma, Kollie
wafr_fr.first: Fatoumata, Mariama, Ibrahima, Aminata, Moussa, Awa, Seydou, Kadiatou, Koffi, Adjoa, Rokia
wafr_fr.last: Diallo, Traoré, Koné, Ouédraogo, Sow, Bah, Coulibaly, Kouadio, Mbaye, Ndiaye, Sawadogo
cafr_fr.first: Clarisse, Espérance, Didier, Jean-Pierre, Chantal, Prosper, Nadège
cafr_fr.last: Mukendi, Tshibanda, Ngoy, Mbala, Nkoulou, Yakité, Kabeya
eafr.first: Wanjiru, Achieng, Otieno, Kamau, Nakato, Mukasa, Neema, Amani, Rehema
eafr.last: Mwangi, Odhiambo, Nansubuga, Okello, Mushi, Mutua, Kato, Mollel
ethiopia.first: Tsion, Abebe, Mekdes, Hanna, Dawit, Selam
ethiopia.last: Kebede, Tadesse, Girma, Haile, Bekele, Alemu
safr.first: Chipo, Tendai, Thandiwe, Sipho, Mercy, Chikondi
safr.last: Banda, Phiri, Moyo, Dlamini, Ndlovu, Mwale
ssudan.first: Nyibol, Deng, Achol, Nyandeng, Mabior
ssudan.last: Garang, Akol, Majok, Lual, Kuol
rwanda.first: Aline, Jean Claude, Uwase, Eric, Claudine
rwanda.last: Uwimana, Mukamana, Niyonzima, Habimana
somali.first: Asha, Hodan, Fadumo, Abdi, Ayaan
somali.last: Warsame, Osman, Farah, Hassan, Ali
arab.first: Amira, Layla, Nour, Hana, Rania, Omar, Karim, Youssef, Samir, Huda, Dalia, Tariq
arab.last: Haddad, Khalil, Mansour, Saleh, Aziz, Nasser, Hamdan, Barakat, Jaber, El-Sayed, Darwish
maghreb.first: Samira, Karima, Youssef, Fatima-Zahra, Mehdi, Nadia, Hamza, Salma
maghreb.last: Benali, El Idrissi, Chraibi, Trabelsi, Ben Salah, Amrani, Hammami, Berrada
malagasy.first: Hery, Voahangy, Fara, Rivo, Lalao, Mamy
malagasy.last: Rakotomalala, Randriamanana, Rasoanaivo, Andrianina, Rabearivelo, Razafy
haiti.first: Marie-Claude, Jean-Robert, Nadège, Wilner, Guerline, Rose-Marie
haiti.last: Pierre, Joseph, Jean-Baptiste, Charles, Louis, Saint-Fleur
india.first: Priya, Anjali, Rahul, Sunita, Meena, Ravi, Kavita, Deepa
india.last: Sharma, Das, Patel, Iyer, Singh, Ghosh, Reddy
nepal.first: Sita, Bikash, Sarita, Manisha, Ramesh, Anita
nepal.last: Gurung, Thapa, Shrestha, Tamang, Karki, Rai
bangla.first: Nasrin, Farhana, Rashida, Shirin, Kamal, Tania
bangla.last: Rahman, Akter, Hossain, Begum, Islam, Chowdhury
pak_af.first: Ayesha, Imran, Zarghona, Farid, Sadia, Nadia
pak_af.last: Khan, Qureshi, Karimi, Ahmadi, Yusufzai, Malik
lanka.first: Nimali, Roshan, Dilani, Chamari, Ruwan
lanka.last: Perera, Fernando, Jayasinghe, Wickramasinghe, Silva
thai.first: Siriporn, Malee, Somchai, Kanya, Ploy, Wanida
thai.last: Srisuk, Chaiyaporn, Wongsa, Boonmee, Saengthong
lao.first: Vanhxay, Souksavanh, Phonesavanh, Malaythong
lao.last: Phommachanh, Sisavath, Keomany, Vongsa
khmer.first: Sokha, Dara, Sophea, Vanna, Chanthou
khmer.last: Sok, Chea, Heng, Pich, Chan
viet.first: Lan, Minh, Thu, Huong, Mai, Tuan
viet.last: Nguyen, Tran, Le, Pham, Hoang, Vu
burmese.first: Khin, Thandar, Nilar, Zaw, Myint, Ei
burmese.last: Win, Aung, Htun, Oo, Kyaw, Phyu
filipino.first: Maria, Josefina, Rowena, Jocelyn, Mark, Joy
filipino.last: Santos, Reyes, Dela Cruz, Bautista, Garcia, Mendoza
malay.first: Dewi, Siti, Nurul, Sri, Rahmat, Aisyah
malay.last: Wijaya, Lestari, Abdullah, Hidayat, Rahman, Saputra
mongol.first: Bolormaa, Oyunchimeg, Enkhjargal, Sarangerel, Tuya
mongol.last: Batbayar, Ganbold, Tsogt, Dorj, Bat-Erdene
albanian.first: Elira, Arta, Besnik, Dritan, Mirela
albanian.last: Hoxha, Shehu, Krasniqi, Gashi, Dervishi
yugo.first: Ivana, Milena, Nikola, Jelena, Amra, Marija
yugo.last: Jovanović, Hadžić, Petrović, Stojanovski, Nikolić, Delić
bulgarian.first: Maria, Desislava, Georgi, Elena, Rositsa
bulgarian.last: Dimitrova, Petrova, Ivanova, Georgieva, Stoyanova
romanian.first: Elena, Ana, Irina, Andrei, Mihaela, Cristina
romanian.last: Popescu, Ionescu, Rusu, Ciobanu, Munteanu, Lupu
eslav.first: Olena, Natalia, Iryna, Oksana, Tetiana, Andriy
eslav.last: Kovalenko, Shevchenko, Bondarenko, Melnyk, Kravchenko, Tkachenko
georgian.first: Tamar, Nino, Giorgi, Eka, Natia
georgian.last: Beridze, Kapanadze, Gelashvili, Lomidze, Tsiklauri
armenian.first: Mariam, Anahit, Armen, Lilit, Gayane
armenian.last: Hakobyan, Grigoryan, Sargsyan, Petrosyan, Harutyunyan
azeri.first: Aygun, Leyla, Rashad, Gunel, Sevinj
azeri.last: Aliyeva, Mammadova, Huseynov, Guliyeva, Hasanova
greek.first: Dimitra, Eleni, Katerina, Nikos, Sofia
greek.last: Papadopoulou, Georgiou, Nikolaidou, Karagianni, Oikonomou
kazkyr.first: Aigerim, Aizhan, Saule, Bakyt, Gulnara, Asel
kazkyr.last: Nurlanova, Zhaksylykova, Mamytova, Sadykova, Bekova, Omurbekova
tajuz.first: Dilnoza, Madina, Nigora, Farrukh, Zarina, Malika
tajuz.last: Abdullaeva, Karimova, Rakhimov, Tursunov, Ismoilova, Nazarova
latin.first: María José, Ana Lucía, Carmen, Lucía, Sofía, Gabriela, Rosa, Valentina, Juan Carlos, Luis
latin.first: Andrés, Diego, Patricia, Marisol, Fernanda, Alejandra
latin.last: García, Rodríguez, Martínez, López, Hernández, Pérez, Gómez, Flores, Ramírez, Torres
latin.last: Castillo, Mendoza, Vargas, Rojas, Morales
andean.first: Rosa, Juana, Marisol, Wilma, Luz, Edwin, Nelly
andean.last: Quispe, Mamani, Condori, Huamán, Choque, Flores
luso.first: Ana Paula, Mariana, Juliana, Fernanda, Luísa, João, Carlos, Rita, Beatriz, Tomás
luso.last: Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Almeida, Fernandes
mozang.first: Celeste, Graça, Esperança, Albertina, Manuel, Lurdes
mozang.last: Nhantumbo, Macuácua, Cossa, Mondlane, Chissano, Baptista
anglo.first: Sarah, Emily, James, Hannah, Michael, Olivia, Rachel, Daniel, Claire, Joanne, Andrew
anglo.last: Thompson, Campbell, Williams, Brown, Clarke, Roberts, Mitchell, Gordon, Ellis
caribbean.first: Kezia, Shanice, Andre, Marcia, Nadine, Kerry-Ann
caribbean.last: Ramsaran, Baptiste, Campbell, Gordon, Williams, Ramdass
pacific.first: Mere, Tevita, Losana, Jone, Grace, Lahui
pacific.last: Naidu, Tuilagi, Kaupa, Waqa, Nand, Kila
turkish.first: Elif, Zeynep, Ayşe, Mehmet, Emre, Selin
turkish.last: Yılmaz, Kaya, Demir, Şahin, Çelik, Aydın
italian.first: Giulia, Francesca, Chiara, Marco, Luca, Elena, Sara, Paola
italian.last: Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Greco
german.first: Anna, Katharina, Lena, Julia, Stefan, Thomas, Sabine, Martina
german.last: Müller, Schmidt, Huber, Wagner, Gruber, Becker, Hofmann, Steiner
nl.first: Sanne, Femke, Lotte, Jeroen, Pieter, Marieke
nl.last: de Vries, Jansen, van Dijk, Bakker, Visser, Peeters
fr.first: Camille, Claire, Sophie, Julien, Mathieu, Élise, Nathalie, Thomas
fr.last: Martin, Bernard, Dubois, Lefebvre, Moreau, Laurent, Girard, Lambert
nordic.first: Ingrid, Astrid, Sofia, Emma, Lars, Erik, Maja, Johan
nordic.last: Lindqvist, Johansson, Andersen, Hansen, Nieminen, Berg, Nilsson, Larsen
japanese.first: Yuki, Haruka, Aiko, Kenji, Takashi, Mei
japanese.last: Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito
israel.first: Noa, Tamar, Yael, Avi, Daniel, Shira
israel.last: Cohen, Levi, Mizrahi, Peretz, Friedman, Katz
korean.first: Ji-woo, Min-jun, Seo-yeon, Hye-jin
korean.last: Kim, Lee, Park, Choi
""")
NAMES = {
    key[: -len(".first")]: (_NAME_TABLE[key], _NAME_TABLE[key[: -len(".first")] + ".last"])
    for key in _NAME_TABLE
    if key.endswith(".first")
}

# Organisation names: invented, in the organisation's language (or English).
ORG_WORDS = _table("""
en: Sunrise, New Dawn, Bright Horizon, Safe Harbour, Open Door, Lighthouse, Pathways, Second Chance
en: Rising Voices, Hands of Hope, Bridgeway, True North, Freedom Path, Restore, Beacon, Morning Star
en: Cornerstone, Kindred, Wellspring, Evergreen, Daybreak, Silver Lining, Stepping Stones, Homeward
en: Anchor, Compass Rose, Open Arms, Lifeline, Clearwater, Firm Ground
fr: Espoir, Lumière, Horizon, Main Tendue, Avenir, Aube Nouvelle, Passerelle, Refuge, Renouveau
fr: Solidarité, Étoile du Matin, Dignité, Arc-en-ciel, Chemin de Vie, Bouclier, Boussole, Phare
es: Nueva Aurora, Camino Seguro, Manos Abiertas, Luz de Esperanza, Puerta Abierta, Horizontes
es: Alas Libres, Semilla, Raíz y Vuelo, Mariposa, Amanecer, Sendero, Refugio del Sol, Tejiendo Vidas
es: Vuelo Alto, Brújula
pt: Nova Aurora, Mãos Dadas, Caminho Seguro, Porto Seguro, Raízes, Esperança Viva, Girassol, Travessia
pt: Casa Aberta, Amanhecer
it: Nuovo Orizzonte, Mani Aperte, Strada Sicura, Porto Franco, Arcobaleno, Filo d'Erba, Approdo
it: Ponte Nuovo
de: Neuer Weg, Brückenschlag, Schutzraum, Morgenrot, Wegweiser, Leuchtturm
nl: Nieuwe Dageraad, Veilige Haven, Open Deur, Vuurtoren
ru: Svetlyi Put, Novyi Rassvet, Umit Zhol, Nur Kelechek, Ishonch Yoli, Zhanga Kun, Nadezhnyi Bereg
ru: Rodnik Nadezhdy
ar: Al-Amal, Noor, Al-Mawadda, Bayt Al-Aman, Al-Salam, Al-Wafa, Al-Fajr, Rahma, Al-Hayat, Sanad
ar: Al-Nakheel, Yasmeen
""")
LOCAL_WORDS = _table("""
KE: Tumaini, Upendo, Imani
TZ: Tumaini, Upendo, Matumaini
UG: Tumaini, Imani
IN: Nai Subah, Ujala, Aashray, Sahyog
NP: Naya Bihani, Ujyalo, Aasha Ghar
BD: Alor Pothe, Notun Asha
PH: Bagong Umaga, Silong Kababaihan
ID: Harapan Baru, Rumah Aman
TH: Baan Pen Suk
""")
ORG_TEMPLATES = _lines("""
en: {w} Women's Shelter Network
en: {w} Centre for Survivors of Trafficking
en: {w} Foundation for Women and Children
en: {city} Survivors' Support Alliance
en: {w} Rehabilitation and Reintegration Centre
en: {w} Initiative against Human Exploitation
en: Society for the Protection of Women and Children, {city}
en: {city} Legal Aid and Victim Support Centre
en: {w} Child Protection Trust
en: {w} Migrant Workers' Support Network
en: {city} Coalition for Survivors of Exploitation
en: {w} Community Care Association
fr: Association {w} pour la protection des femmes et des enfants
fr: Centre d'écoute et d'accompagnement des victimes de {city}
fr: Réseau {w} contre l'exploitation des enfants
fr: Maison {w} – accueil des femmes victimes de traite
fr: Fondation {w} pour la dignité humaine
fr: Collectif des juristes pour les droits des victimes ({city})
fr: Association des femmes solidaires de {city}
fr: ONG {w} – enfance en danger
es: Fundación {w} para la Mujer y la Niñez
es: Asociación Casa {w}
es: Red de Apoyo a Víctimas de Trata de {city}
es: Centro de Atención Integral {w}
es: Colectivo {w} por los Derechos de las Mujeres Migrantes
es: Corporación {w}
es: Asociación de Mujeres {w} de {city}
pt: Associação {w} de Apoio à Mulher
pt: Instituto {w} pelos Direitos Humanos
pt: Centro de Acolhimento {w}
pt: Rede {w} contra o Tráfico de Pessoas
pt: Associação das Mulheres de {city}
it: Associazione {w} Onlus
it: Cooperativa Sociale {w}
it: Centro Antitratta {w}
it: Associazione {w} – Donne in Cammino
de: Beratungsstelle {w} e.V.
de: Verein {w} gegen Menschenhandel
de: Fachberatungsstelle {w} für Betroffene von Menschenhandel
nl: Stichting {w}
nl: Stichting {w} tegen Mensenhandel
ru: Public Association "{w}"
ru: Public Foundation "{w}" for Women's Rights
ru: Crisis Centre "{w}"
ar: {w} Association for Family Protection
ar: {w} Centre for Women's Empowerment
ar: {w} Society for Legal Aid
ar: {w} Women's Shelter
ar: {w} Foundation for Child Protection
ar: {w} Organisation for Human Rights and Development
""")
SMALL_WORDS = {
    "for",
    "and",
    "of",
    "the",
    "against",
    "pour",
    "la",
    "les",
    "des",
    "de",
    "du",
    "et",
    "contre",
    "en",
    "y",
    "por",
    "para",
    "el",
    "à",
    "da",
    "do",
    "das",
    "dos",
    "e",
    "pelos",
    "per",
    "für",
    "von",
    "gegen",
    "tegen",
    "in",
    "–",
    "d'écoute",
    "d'accompagnement",
}

# --------------------------------------------------------------------------------------------
# Proposal text
# --------------------------------------------------------------------------------------------
PACKAGES = [
    (
        (
            "Shelter, medical care and psychosocial recovery",
            "Hébergement, soins médicaux et rétablissement psychologique",
            "Albergue, atención médica y recuperación psicosocial",
        ),
        ["shelter", "medical", "psychological_recovery"],
    ),
    (
        (
            "Safe accommodation and social reintegration",
            "Hébergement sécurisé et réinsertion sociale",
            "Alojamiento seguro y reintegración social",
        ),
        ["shelter", "social_reintegration", "education_vocational"],
    ),
    (
        (
            "Legal assistance and case management",
            "Assistance juridique et suivi individualisé",
            "Asistencia jurídica y gestión de casos",
        ),
        ["legal_administrative", "rights_assertion", "coordination_information"],
    ),
    (
        (
            "Early identification and referral",
            "Identification précoce et orientation",
            "Identificación temprana y derivación",
        ),
        ["identification", "coordination_information", "medical"],
    ),
    (
        (
            "Vocational training and economic reintegration",
            "Formation professionnelle et réinsertion économique",
            "Formación profesional y reintegración económica",
        ),
        ["education_vocational", "social_reintegration"],
    ),
    (
        (
            "Family tracing, safe return and reintegration",
            "Recherche familiale, retour sécurisé et réintégration",
            "Búsqueda de familiares, retorno seguro y reintegración",
        ),
        ["return_family_reunification", "social_reintegration", "psychological_recovery"],
    ),
    (
        ("Integrated direct assistance", "Assistance directe intégrée", "Asistencia directa integral"),
        ["identification", "shelter", "medical", "psychological_recovery", "legal_administrative"],
    ),
    (
        (
            "Trauma-informed counselling and access to justice",
            "Accompagnement psychologique et accès à la justice",
            "Acompañamiento psicológico y acceso a la justicia",
        ),
        ["psychological_recovery", "legal_administrative", "rights_assertion"],
    ),
]
GROUPS = [
    (("women and girls", "femmes et filles", "mujeres y niñas"), ["women", "girls"], 5),
    (("children", "enfants", "niñas, niños y adolescentes"), ["girls", "boys"], 3),
    (("women", "femmes", "mujeres"), ["women"], 2),
    (("adolescent girls", "adolescentes", "adolescentes mujeres"), ["girls"], 2),
    (
        ("women, men and children", "femmes, hommes et enfants", "mujeres, hombres, niñas y niños"),
        ["women", "men", "girls", "boys"],
        2,
    ),
    (("men and boys", "hommes et garçons", "hombres y niños"), ["men", "boys"], 1),
    (
        ("migrant women and children", "femmes et enfants migrants", "mujeres y niñez migrante"),
        ["women", "girls", "boys"],
        2,
    ),
]
FORMS = [
    ("sexual exploitation", "d'exploitation sexuelle", "explotación sexual"),
    ("forced labour", "de travail forcé", "trabajo forzoso"),
    ("domestic servitude", "de servitude domestique", "servidumbre doméstica"),
    ("forced marriage", "de mariage forcé", "matrimonio forzado"),
    ("forced begging", "de mendicité forcée", "mendicidad forzada"),
]
CONFLICT_CONTEXT = [
    ("affected by armed conflict", "dans les situations de conflit armé", "en contextos de conflicto armado"),
    ("in mixed migration flows", "dans les flux migratoires mixtes", "en flujos migratorios mixtos"),
]
KIND_TEXT = {
    "identification": "identification and referral",
    "shelter": "safe shelter",
    "medical": "medical care",
    "psychological_recovery": "psychosocial counselling",
    "social_reintegration": "reintegration support",
    "legal_administrative": "legal and administrative assistance",
    "rights_assertion": "support to claim compensation and other rights",
    "education_vocational": "education and vocational training",
    "return_family_reunification": "family tracing and assisted return",
    "coordination_information": "case coordination with the authorities",
}
ALL_KINDS = list(KIND_TEXT)
PARTNERS = [
    "the national referral mechanism",
    "the police anti-trafficking unit",
    "labour inspectors and local authorities",
    "child protection services",
    "community outreach workers",
    "hospitals and legal aid clinics",
    "consular services of countries of origin",
]

# --------------------------------------------------------------------------------------------
# Donors
# --------------------------------------------------------------------------------------------
# (code, English name, currency, weight); the first 19 gave by mid-2015, the other 11 after.
STATES_2015 = [
    ("AT", "Austria", "EUR", 1.0),
    ("DE", "Germany", "EUR", 2.0),
    ("IT", "Italy", "EUR", 1.2),
    ("ES", "Spain", "EUR", 1.0),
    ("PT", "Portugal", "EUR", 0.4),
    ("NL", "Netherlands", "EUR", 1.2),
    ("BE", "Belgium", "EUR", 0.7),
    ("LU", "Luxembourg", "EUR", 0.5),
    ("FI", "Finland", "EUR", 0.8),
    ("SE", "Sweden", "SEK", 1.5),
    ("NO", "Norway", "NOK", 1.5),
    ("CH", "Switzerland", "CHF", 0.9),
    ("LI", "Liechtenstein", "CHF", 0.3),
    ("GB", "United Kingdom of Great Britain and Northern Ireland", "GBP", 1.6),
    ("AU", "Australia", "AUD", 1.2),
    ("JP", "Japan", "JPY", 1.5),
    ("QA", "Qatar", "USD", 1.8),
    ("AE", "United Arab Emirates", "USD", 1.2),
    ("BY", "Belarus", "USD", 0.3),
]
STATES_2019 = [
    ("KR", "Republic of Korea", "USD", 1.2),
    ("SA", "Saudi Arabia", "USD", 1.5),
    ("KW", "Kuwait", "KWD", 0.8),
    ("IL", "Israel", "USD", 0.5),
    ("PH", "Philippines", "USD", 0.3),
    ("TH", "Thailand", "USD", 0.5),
    ("MX", "Mexico", "USD", 0.5),
    ("CO", "Colombia", "USD", 0.3),
    ("MC", "Monaco", "EUR", 0.4),
    ("DK", "Denmark", "DKK", 1.0),
    ("PL", "Poland", "PLN", 0.5),
]
# Invented companies (any likeness to a real firm is coincidental); the last joins in 2016.
COMPANIES = [
    ("Alpenblick Hotels AG", "AT", "EUR"),
    ("Donauwelle Logistik GmbH", "AT", "EUR"),
    ("Kestrel Travel Group plc", "GB", "GBP"),
    ("Meridian Garment Sourcing Ltd", "GB", "GBP"),
    ("Harbourline Seafoods Ltd", "GB", "GBP"),
    ("Nordvik Shipping AS", "NO", "NOK"),
    ("Fjellstad Energi ASA", "NO", "NOK"),
    ("Lindqvist & Berg Advokatbyrå", "SE", "SEK"),
    ("Solvik Retail AB", "SE", "SEK"),
    ("Sakura Textile Trading Co., Ltd.", "JP", "JPY"),
    ("Tokiwa Components Corporation", "JP", "USD"),
    ("Bergfeld Privatbank AG", "CH", "CHF"),
    ("Lac Léman Chocolatiers SA", "CH", "CHF"),
    ("Pacific Crest Hospitality Group", "US", "USD"),
    ("Redwood Ridge Software Inc.", "US", "USD"),
    ("Hudson & Vale LLP", "US", "USD"),
    ("Bluewater Cruise Lines Inc.", "US", "USD"),
    ("Gulf Horizon Trading LLC", "AE", "USD"),
    ("Doha Pearl Contracting W.L.L.", "QA", "USD"),
    ("Rijnhaven Bouwgroep B.V.", "NL", "EUR"),
    ("Oranjebloesem Koffie B.V.", "NL", "EUR"),
    ("Maison Verdier Cosmétiques SA", "FR", "EUR"),
    ("Bellavista Ristorazione S.p.A.", "IT", "EUR"),
    ("Costa Brava Viajes S.L.", "ES", "EUR"),
    ("Lusitânia Calçado Lda.", "PT", "EUR"),
    ("Southern Cross Mining Services Pty Ltd", "AU", "AUD"),
    ("Wattle & Gum Apparel Pty Ltd", "AU", "AUD"),
    ("Maple North Fisheries Ltd", "CA", "USD"),
    ("Siam Orchid Hotels Co., Ltd.", "TH", "USD"),
    ("Manila Bay Remittance Corp.", "PH", "USD"),
    ("Rheinfeld Automobilzulieferer GmbH", "DE", "EUR"),
    ("Brightlane Payments Ltd", "IE", "EUR"),
    ("Kronberg Personaldienstleistungen GmbH", "DE", "EUR"),
]
FOUNDATIONS = [("Fondation Aurore pour l'enfance", "CH", "CHF"), ("Hartwell Family Foundation", "US", "USD")]
INDIVIDUAL_POOLS = [
    ("anglo", "US", "USD"),
    ("anglo", "GB", "GBP"),
    ("anglo", "AU", "USD"),
    ("anglo", "CA", "USD"),
    ("german", "AT", "EUR"),
    ("german", "DE", "EUR"),
    ("german", "CH", "CHF"),
    ("fr", "FR", "EUR"),
    ("fr", "BE", "EUR"),
    ("nordic", "SE", "USD"),
    ("nordic", "NO", "USD"),
    ("italian", "IT", "EUR"),
    ("latin", "ES", "EUR"),
    ("latin", "MX", "USD"),
    ("japanese", "JP", "USD"),
    ("israel", "IL", "USD"),
    ("korean", "KR", "USD"),
    ("india", "IN", "USD"),
    ("arab", "AE", "USD"),
    ("nl", "NL", "EUR"),
]

# --------------------------------------------------------------------------------------------
# Exchange rates: approximate annual averages (USD per unit), interpolated month by month.
# Plausible, not official: the UN operational rates of those months are not reproduced.
# --------------------------------------------------------------------------------------------
EXPONENT = {"JPY": 0, "KWD": 3}
RATE_ANCHORS = {
    "EUR": [1.327, 1.392, 1.285, 1.328, 1.329, 1.110, 1.107, 1.130, 1.181, 1.120, 1.142],
    "GBP": [1.546, 1.604, 1.585, 1.564, 1.648, 1.528, 1.355, 1.289, 1.335, 1.277, 1.284],
    "CHF": [0.960, 1.127, 1.067, 1.079, 1.092, 1.040, 1.015, 1.016, 1.023, 1.006, 1.067],
    "SEK": [0.1388, 0.1540, 0.1476, 0.1536, 0.1459, 0.1187, 0.1169, 0.1172, 0.1152, 0.1058, 0.1088],
    "NOK": [0.1655, 0.1784, 0.1719, 0.1703, 0.1590, 0.1241, 0.1191, 0.1210, 0.1230, 0.1136, 0.1064],
    "DKK": [0.1781, 0.1868, 0.1728, 0.1780, 0.1783, 0.1487, 0.1487, 0.1519, 0.1585, 0.1500, 0.1530],
    "JPY": [
        0.011400,
        0.012540,
        0.012530,
        0.010250,
        0.009450,
        0.008260,
        0.009190,
        0.008910,
        0.009060,
        0.009170,
        0.009370,
    ],
    "AUD": [0.919, 1.033, 1.036, 0.968, 0.903, 0.752, 0.744, 0.767, 0.748, 0.695, 0.690],
    "KWD": [3.48, 3.62, 3.57, 3.53, 3.53, 3.31, 3.31, 3.30, 3.31, 3.29, 3.27],
    "PLN": [0.332, 0.340, 0.307, 0.317, 0.318, 0.265, 0.254, 0.266, 0.277, 0.261, 0.257],
}
RATE_PLACES = {"JPY": 8, "SEK": 5, "NOK": 5, "DKK": 5, "PLN": 5}
RATE_SOURCE = "Approximate monthly rate (illustrative; not an official UN operational rate)"


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def exponent(currency: str) -> int:
    return EXPONENT.get(currency, 2)


def fmt(minor: int, currency: str = "USD") -> str:
    places = exponent(currency)
    return str(Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places)))


def dollars(minor: int) -> str:
    """An amount as UN English writes dollars in running text: "$53,500", "$1,250.50"."""
    return f"${minor // 100:,}" if minor % 100 == 0 else f"${Decimal(minor) / 100:,.2f}"


def usd_str(minor: int) -> str:
    return f"{Decimal(minor).scaleb(-2):,.2f}"


def to_usd_minor(minor: int, currency: str, rate: Decimal) -> int:
    """Same arithmetic as ``fundapp.money.convert_to_usd_minor`` (half to even, to the cent)."""
    if currency == "USD":
        return minor
    major = Decimal(minor).scaleb(-exponent(currency))
    usd = (major * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    return int(usd.scaleb(2))


def rate_on(currency: str, day: dt.date) -> tuple[dt.date, Decimal]:
    """The month's rate (dated the first of the month), interpolated between annual means."""
    first = day.replace(day=1)
    anchors = RATE_ANCHORS[currency]
    position = (first.year - 2010) + (first.month - 7) / 12  # annual means sit at 1 July
    low = max(0, min(len(anchors) - 2, int(position // 1)))
    frac = min(1.0, max(0.0, position - low))
    value = anchors[low] + (anchors[low + 1] - anchors[low]) * frac
    places = RATE_PLACES.get(currency, 4)
    return first, Decimal(repr(value)).quantize(Decimal(1).scaleb(-places))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def rand_date(start: dt.date, end: dt.date, *, weekday: bool = True) -> dt.date:
    for _ in range(20):
        day = start + dt.timedelta(days=R.randint(0, (end - start).days))
        if not weekday or day.weekday() < 5:
            return day
    return day


def stamp(day: dt.date, hour_from: int = 8, hour_to: int = 17) -> str:
    moment = dt.datetime(
        day.year, day.month, day.day, R.randint(hour_from, hour_to), R.randint(0, 59), tzinfo=dt.UTC
    )
    return moment.isoformat().replace("+00:00", "Z")


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def month_end(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


def weighted(items: list, weights: list[float]):
    return R.choices(items, weights=weights, k=1)[0]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isalnum() else "-" for c in ascii_text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def person(pool: str) -> str:
    first, last = NAMES[pool]
    return f"{R.choice(first)} {R.choice(last)}"


def round_to(value: float, step: int) -> int:
    return max(step, int(round(value / step)) * step)


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------
class Orgs:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.by_key: dict[str, dict] = {}
        self._names: set[str] = set()
        self._regs: set[tuple[str, str]] = set()

    def new(self, country: str, *, founded_before: int, recent: int | None = None) -> dict:
        name_en, lang, pool, _region, cities = COUNTRIES[country]
        city = R.choice(cities)
        for _ in range(100):
            words = ORG_WORDS[lang]
            if country in LOCAL_WORDS and R.random() < 0.45:
                words = LOCAL_WORDS[country]
            name = R.choice(ORG_TEMPLATES[lang]).format(w=R.choice(words), city=city)
            if name not in self._names:
                break
            city = R.choice(cities)
        else:  # pragma: no cover - the word lists are large enough
            raise RuntimeError("ran out of organisation names")
        self._names.add(name)
        founded = recent if recent is not None else R.randint(1986, founded_before)
        key = f"org-{len(self.rows) + 1:03d}"
        initials = "".join(
            w[0] for w in name.replace('"', "").split() if w.lower() not in SMALL_WORDS and w[0].isalpha()
        )
        acronym = initials.upper()[:6] if len(initials) >= 3 and R.random() < 0.8 else None
        contact = person(pool)
        domain = slug(acronym) if acronym else slug(name)[:30].rsplit("-", 1)[0]
        org = {
            "key": key,
            "name": name,
            "acronym": acronym,
            "country_code": country,
            "registration_number": self._registration(country, founded),
            "partner_portal_id": None,
            "year_founded": founded,
            "contact_name": contact,
            "contact_email": f"{slug(contact).replace('-', '.')}@{domain}-{country.lower()}.example",
            "city": city,
            "illustrative": True,
        }
        self.rows.append(org)
        self.by_key[key] = org
        return org

    def refound(self, org: dict, year: int) -> None:
        """A younger organisation (fails the experience criterion): founding year and registration."""
        org["year_founded"] = year
        org["registration_number"] = self._registration(org["country_code"], year)

    def _registration(self, country: str, year: int) -> str:
        while True:
            n = R.randint(100, 99999)
            if country == "NG":
                reg = f"CAC/IT/NO {R.randint(10000, 139999)}"
            elif country == "KE":
                reg = f"OP.218/051/{year % 100:02d}-{R.randint(1, 999):04d}/{R.randint(1000, 9999)}"
            elif country == "IN":
                reg = f"S/{n}/{year}"
            elif country == "BR":
                digits = [R.randint(0, 9) for _ in range(12)]
                reg = (
                    f"{digits[0]}{digits[1]}.{''.join(map(str, digits[2:5]))}."
                    f"{''.join(map(str, digits[5:8]))}/0001-{R.randint(10, 99)}"
                )
            elif country == "FR":
                reg = f"W{R.randint(100000000, 999999999)}"
            elif country in SPANISH_SPEAKING:
                reg = f"PJ-{year}-{n:05d}"
            else:
                reg = f"{country}-NGO-{year}-{n:05d}"
            if (country, reg) not in self._regs:
                self._regs.add((country, reg))
                return reg


SPANISH_SPEAKING = {code for code, row in COUNTRIES.items() if row[1] == "es"}

# --------------------------------------------------------------------------------------------
# Calls, proposals and screening
# --------------------------------------------------------------------------------------------
CALLS = {
    "1": {
        "cycle_label": "1",
        "cycle_number": 1,
        "title": "First global call for proposals: direct assistance to victims of trafficking",
        "title_fr": "Premier appel mondial à propositions : assistance directe aux victimes de la traite",
        "launched_on": "2011-04-04",
        "deadline": "2011-06-30T16:00:00Z",
        "priorities": [],
        "priorities_fr": [],
        "budget": "750000.00",
        "floor": "30000.00",
        "ceiling": "100000.00",
        "max_duration_months": 36,
        "reserve_expires_on": None,
        "status": "completed",
        "source": f"{src19('123')} (call launched 2011); {src15('65')} (cycle completed December 2014)",
    },
    "2": {
        "cycle_label": "2",
        "cycle_number": 2,
        "title": "Second global call for proposals: direct assistance to victims of trafficking",
        "title_fr": "Deuxième appel mondial à propositions : assistance directe aux victimes de la traite",
        "launched_on": "2014-06-02",
        "deadline": "2014-08-29T16:00:00Z",
        "priorities": [],
        "priorities_fr": [],
        # no budget announced: the Board recommended in light of all the money the fund had
        "budget": None,
        "floor": "20000.00",
        "ceiling": "60000.00",
        "max_duration_months": 24,
        "reserve_expires_on": "2016-12-31",
        "status": "completed",
        "source": f"{src15('66')}; {src19('123')}",
    },
    "3": {
        "cycle_label": "3",
        "cycle_number": 3,
        "title": "Third global call for proposals: victims in armed conflict and mixed migration flows",
        "title_fr": "Troisième appel mondial à propositions : victimes dans les conflits armés et les flux "
        "migratoires mixtes",
        "launched_on": "2017-06-12",
        "deadline": "2017-09-15T16:00:00Z",
        "priorities": PRIORITIES_CALL_3,
        "priorities_fr": PRIORITIES_CALL_3_FR,
        "budget": "680000.00",
        "floor": "20000.00",
        "ceiling": "60000.00",
        "max_duration_months": 24,
        "reserve_expires_on": "2019-06-30",
        "status": "decided",
        "source": src19("123"),
    },
}
for _call in CALLS.values():
    _call["eligibility_criteria"] = list(CRITERIA)
    _call["currency"] = "USD"
    _call["illustrative"] = False

SCREENING = {
    "1": ("2011-07-11", "2011-09-30"),
    "2": ("2014-09-15", "2014-12-12"),
    "3": ("2017-10-02", "2017-12-15"),
}


def minor(text: str) -> int:
    return int(Decimal(text).scaleb(2))


class Proposals:
    def __init__(self, orgs: Orgs) -> None:
        self.orgs = orgs
        self.rows: list[dict] = []
        self.by_ref: dict[str, dict] = {}
        self.counter: dict[str, int] = {}

    def new(self, call_label: str, org: dict, *, requested: int, duration: int, status: str) -> dict:
        call = CALLS[call_label]
        year = int(call["launched_on"][:4])
        self.counter[call_label] = self.counter.get(call_label, 0) + 1
        ref = f"UNVTF-{year}-{self.counter[call_label]:03d}"
        country = org["country_code"]
        _n, lang, _pool, region, _cities = COUNTRIES[country]
        language = lang if lang in ("fr", "es") and R.random() < 0.8 else "en"
        package, kinds = R.choice(PACKAGES)
        group_text, groups, _weight = weighted(GROUPS, [g[2] for g in GROUPS])
        kinds = list(kinds)
        for extra in R.sample(ALL_KINDS, 2):
            if extra not in kinds and len(kinds) < 6 and R.random() < 0.5:
                kinds.append(extra)
        countries = [country]
        if R.random() < 0.2:
            neighbours = sorted(c for c, v in COUNTRIES.items() if v[3] == region and c != country)
            countries.append(R.choice(neighbours))
        if call_label == "3":
            context = CONFLICT_CONTEXT[0] if R.random() < 0.5 else CONFLICT_CONTEXT[1]
        else:
            context = None
        form = R.choice(FORMS)
        title, summary = self._text(
            org, language, package, group_text, form, context, kinds, duration, call_label
        )
        deadline = dt.datetime.fromisoformat(call["deadline"].replace("Z", "+00:00")).date()
        submitted = rand_date(d(call["launched_on"]) + dt.timedelta(days=14), deadline)
        proposal = {
            "reference": ref,
            "call": call_label,
            "organisation": org["key"],
            "title": title,
            "summary": summary,
            "currency": "USD",
            "requested": fmt(requested),
            "duration_months": duration,
            "language": language,
            "status": status,
            "submitted_at": stamp(submitted),
            "withdrawn_reason": None,
            "facets": {"country": countries, "target_group": groups, "assistance": kinds},
            "checks": [],
            "illustrative": True,
        }
        self.rows.append(proposal)
        self.by_ref[ref] = proposal
        return proposal

    def _text(self, org, language, package, group_text, form, context, kinds, duration, call_label):
        city = org["city"]
        country_name = COUNTRIES[org["country_code"]][0]
        n_people = R.choice([60, 80, 120, 150, 180, 200, 250, 300, 400])
        partner = R.choice(PARTNERS)
        kinds_text = ", ".join(KIND_TEXT[k] for k in kinds[:-1]) + " and " + KIND_TEXT[kinds[-1]]
        if language == "fr":
            who = f"les {group_text[1]} victimes de la traite"
            where = context[1] if context else f"à des fins {form[1]}"
            title = f"{package[1]} pour {who} {where} à {city}"
            summary = (
                f"Le projet offrira une assistance directe à environ {n_people} {group_text[1]} identifiés "
                f"comme victimes de la traite {where}, à {city} ({country_name}) et dans les districts "
                f"voisins, pendant {duration} mois. Chaque personne bénéficie d'un plan d'assistance "
                f"individuel ; les cas sont orientés par {self._fr_partner(partner)}."
            )
        elif language == "es":
            who = f"{group_text[2]} víctimas de trata"
            where = context[2] if context else f"con fines de {form[2]}"
            title = f"{package[2]} para {who} {where} en {city}"
            summary = (
                f"El proyecto brindará asistencia directa a unas {n_people} personas ({group_text[2]}) "
                f"identificadas como víctimas de trata {where}, en {city} ({country_name}) y municipios "
                f"vecinos, durante {duration} meses, con un plan de atención individual para cada persona "
                f"y un enfoque centrado en las sobrevivientes."
            )
        else:
            where = context[0] if context else f"trafficked for {form[0]}"
            who = f"{group_text[0]} {where}"
            title = f"{package[0]} for {who} in {city}, {country_name}"
            summary = (
                f"{org['acronym'] or 'The organisation'} will provide {kinds_text} to an estimated "
                f"{n_people} {group_text[0]} identified as victims of trafficking"
                f"{' ' + context[0] if context else ' for ' + form[0]} in {city} and neighbouring districts "
                f"over {duration} months. Cases are referred by {partner}; each person receives an "
                f"individual assistance plan, and the project follows a survivor-centred, trauma-informed "
                f"approach."
            )
        if call_label == "3" and context is not None:
            priority = PRIORITIES_CALL_3[0] if context is CONFLICT_CONTEXT[0] else PRIORITIES_CALL_3[1]
            summary += f" It answers the call's priority: {priority}."
        return title[:300], summary

    @staticmethod
    def _fr_partner(partner: str) -> str:
        return {
            "the national referral mechanism": "le mécanisme national d'orientation",
            "the police anti-trafficking unit": "l'unité de police de lutte contre la traite",
            "labour inspectors and local authorities": "l'inspection du travail et les autorités locales",
            "child protection services": "les services de protection de l'enfance",
            "community outreach workers": "des travailleurs sociaux de proximité",
            "hospitals and legal aid clinics": "les hôpitaux et les cliniques juridiques",
            "consular services of countries of origin": "les services consulaires des pays d'origine",
        }[partner]

    def screen(self, proposal: dict, fails: list[str]) -> None:
        """One check per criterion; a failed one says why, consistently with the proposal."""
        call = CALLS[proposal["call"]]
        start, end = SCREENING[proposal["call"]]
        checked = rand_date(d(start), d(end))
        org = self.orgs.by_key[proposal["organisation"]]
        checks = []
        for criterion in call["eligibility_criteria"]:
            passed = criterion not in fails
            checks.append(
                {
                    "criterion": criterion,
                    "passed": passed,
                    "note": None if passed else self._failure_note(criterion, proposal, org, call),
                    "checked_at": stamp(checked),
                }
            )
        proposal["checks"] = checks

    @staticmethod
    def _failure_note(criterion: str, proposal: dict, org: dict, call: dict) -> str:
        if criterion == "registered_non_profit":
            return R.choice(
                [
                    "The applicant is registered as a private company limited by shares, not as a "
                    "non-profit organisation.",
                    "No certificate of registration as a non-profit organisation was provided; the document "
                    "submitted is a pending application.",
                ]
            )
        if criterion == "direct_assistance_to_victims":
            return R.choice(
                [
                    "The project consists of research and awareness-raising; it provides no direct "
                    "assistance to victims.",
                    "Activities target the general public (prevention campaigns) rather than identified "
                    "victims of trafficking.",
                ]
            )
        if criterion == "experience_with_victims":
            return (
                f"The organisation was founded in {org['year_founded']} and has no documented "
                f"experience of assisting victims of trafficking."
            )
        if criterion == "amount_within_limits":
            requested = minor(proposal["requested"])
            if requested > minor(call["ceiling"]):
                return (
                    f"Requested amount USD {usd_str(requested)} is above the ceiling of "
                    f"USD {usd_str(minor(call['ceiling']))}."
                )
            return (
                f"Requested amount USD {usd_str(requested)} is below the floor of "
                f"USD {usd_str(minor(call['floor']))}."
            )
        if criterion == "duration_within_limits":
            return (
                f"Proposed duration of {proposal['duration_months']} months exceeds the maximum of "
                f"{call['max_duration_months']} months."
            )
        return R.choice(
            [
                "The budget annex and the audited financial statements were missing at the deadline.",
                "The application form was submitted without the signed declaration of the head of the "
                "organisation.",
            ]
        )


def requested_amount(call_label: str, fails: list[str]) -> int:
    call = CALLS[call_label]
    floor, ceiling = minor(call["floor"]), minor(call["ceiling"])
    if "amount_within_limits" in fails:
        if R.random() < 0.75:
            return round_to(R.uniform(ceiling * 1.2, ceiling * 3.5), 500_00)
        return round_to(R.uniform(floor * 0.3, floor * 0.75), 100_00)
    return round_to(R.uniform(floor * 1.1, ceiling), 50_00)


def duration_for(call_label: str, fails: list[str]) -> int:
    limit = CALLS[call_label]["max_duration_months"]
    if "duration_within_limits" in fails:
        return limit + R.choice([6, 12, 24])
    return R.choice([limit, limit, limit, limit - 6, 18 if limit > 18 else limit])


def ineligible_failures() -> list[str]:
    weights = [2, 3, 3, 3, 2, 4]
    first = weighted(CRITERIA, weights)
    fails = [first]
    if R.random() < 0.25:
        second = weighted(CRITERIA, weights)
        if second != first:
            fails.append(second)
    return fails


# --------------------------------------------------------------------------------------------
# Contributions
# --------------------------------------------------------------------------------------------
class Money:
    def __init__(self) -> None:
        self.donors: list[dict] = []
        self.by_key: dict[str, dict] = {}
        self.contributions: list[dict] = []
        self.rates: dict[tuple[str, str], str] = {}
        self.given: set[str] = set()
        self._counter: dict[int, int] = {}

    def donor(
        self,
        key: str,
        name: str,
        kind: str,
        country: str | None,
        currency: str,
        weight: float = 1.0,
        anonymous: bool = False,
        note: str | None = None,
    ) -> dict:
        donor = {
            "key": key,
            "name": name,
            "kind": kind,
            "country_code": country,
            "anonymous": anonymous,
            "internal_note": note,
            "illustrative": True,
            "_currency": currency,
            "_weight": weight,
        }
        self.donors.append(donor)
        self.by_key[key] = donor
        return donor

    def _reference(self, year: int) -> str:
        self._counter[year] = self._counter.get(year, 0) + 1
        return f"UNVTF-C-{year}-{self._counter[year]:04d}"

    def receipt(
        self,
        currency: str,
        amount_minor: int,
        received: dt.date,
        *,
        status: str = "recorded",
        reversal_reason: str | None = None,
        reversed_at: str | None = None,
    ) -> dict:
        if currency == "USD":
            rate_date, rate = received, Decimal("1")
        else:
            rate_date, rate = rate_on(currency, received)
            self.rates[(currency, rate_date.isoformat())] = str(rate)
        return {
            "received_on": received.isoformat(),
            "currency": currency,
            "amount": fmt(amount_minor, currency),
            "usd_amount": fmt(to_usd_minor(amount_minor, currency, rate)),
            "usd_rate": str(rate),
            "rate_date": rate_date.isoformat(),
            "status": status,
            "reversal_reason": reversal_reason,
            "reversed_at": reversed_at,
            "_amount_minor": amount_minor,
            "_usd_minor": to_usd_minor(amount_minor, currency, rate),
        }

    def contribution(
        self,
        donor: dict,
        pledged_on: dt.date,
        currency: str,
        pledged_minor: int,
        receipts: list[dict],
        *,
        campaign: str | None = None,
        earmarking: str | None = None,
        status: str | None = None,
        cancellation_reason: str | None = None,
        cancelled_at: str | None = None,
        note: str | None = None,
    ) -> dict:
        received = sum(r["_amount_minor"] for r in receipts if r["status"] == "recorded")
        if status is None:
            status = (
                "received" if received == pledged_minor else ("partially_received" if received else "pledged")
            )
        contribution = {
            "reference": self._reference(pledged_on.year),
            "donor": donor["key"],
            "campaign": campaign,
            "pledged_on": pledged_on.isoformat(),
            "currency": currency,
            "pledged": fmt(pledged_minor, currency),
            "earmarking": earmarking,
            "status": status,
            "cancellation_reason": cancellation_reason,
            "cancelled_at": cancelled_at,
            "internal_note": note,
            "receipts": receipts,
            "illustrative": True,
        }
        self.contributions.append(contribution)
        if any(r["status"] == "recorded" for r in receipts):
            self.given.add(donor["key"])
        return contribution

    def gift_usd(
        self,
        donor: dict,
        usd_target: int,
        received: dt.date,
        *,
        pledge_floor: dt.date,
        currency: str | None = None,
        exact: bool = False,
        note: str | None = None,
        campaign: str | None = None,
        earmarking: str | None = None,
    ) -> dict:
        """A pledge paid in one go, in the donor's currency, worth about ``usd_target`` cents."""
        currency = currency or donor["_currency"]
        if exact:
            assert currency == "USD"
            amount = usd_target
        elif currency == "USD":
            amount = self._nice(usd_target, donor["kind"])
        else:
            _rd, rate = rate_on(currency, received)
            local = float(Decimal(usd_target) / rate)
            amount = self._nice_local(local, currency, donor["kind"])
        pledged = max(pledge_floor, received - dt.timedelta(days=R.randint(0, 45)))
        receipt = self.receipt(currency, amount, received)
        return self.contribution(
            donor, pledged, currency, amount, [receipt], campaign=campaign, earmarking=earmarking, note=note
        )

    @staticmethod
    def _nice(cents: float, kind: str) -> int:
        if kind == "individual":
            return round_to(cents, 5_00 if cents < 200_00 else 50_00)
        if cents >= 50_000_00:
            return round_to(cents, 5_000_00)
        if cents >= 10_000_00:
            return round_to(cents, 1_000_00)
        return round_to(cents, 500_00)

    @staticmethod
    def _nice_local(local_hundredths: float, currency: str, kind: str) -> int:
        unit = 10 ** exponent(currency)
        major = local_hundredths / 100  # USD cents / rate = hundredths of the local unit
        if currency == "JPY":
            step = 10_000 if kind == "individual" else 100_000
        elif kind == "individual":
            step = 5 if major < 200 else 50
        elif major >= 500_000:
            step = 50_000
        elif major >= 50_000:
            step = 5_000
        elif major >= 10_000:
            step = 1_000
        else:
            step = 500
        return max(step, int(round(major / step)) * step) * unit


def allocate(
    money: Money,
    donors: list[dict],
    target: int,
    count: int,
    start: dt.date,
    end: dt.date,
    *,
    must: list[dict] | None = None,
    fresh_first: bool = False,
) -> int:
    """Spread about ``target`` USD cents over ``count`` gifts in [start, end]; returns the USD given.

    ``fresh_first`` picks donors who have not given yet before the others (so that every donor of
    a period gives at least once); ``must`` names donors who give in this bucket whatever happens.
    """
    if target <= 0 or count <= 0:
        return 0
    chosen = list(must or [])
    fresh = [x for x in donors if x["key"] not in money.given and x not in chosen]
    others = [x for x in donors if x["key"] in money.given and x not in chosen]
    R.shuffle(fresh)
    R.shuffle(others)
    if not fresh_first:
        others = [x for x in donors if x not in chosen]
        R.shuffle(others)
        fresh = []
    chosen += (fresh + others)[: max(0, count - len(chosen))]
    weights = [x["_weight"] * R.uniform(0.6, 1.4) for x in chosen]
    total_weight = sum(weights)
    given = 0
    for donor, weight in zip(chosen, weights, strict=True):
        received = rand_date(start, end)
        contribution = money.gift_usd(
            donor, int(target * weight / total_weight), received, pledge_floor=start
        )
        given += contribution["receipts"][0]["_usd_minor"]
    return given


def usd_received(money: Money, *, upto: dt.date, kind: str | None = None, campaign: str | None = None) -> int:
    total = 0
    for c in money.contributions:
        donor = money.by_key[c["donor"]]
        if kind and donor["kind"] != kind:
            continue
        if campaign and c["campaign"] != campaign:
            continue
        for r in c["receipts"]:
            if r["status"] == "recorded" and d(r["received_on"]) <= upto:
                total += r["_usd_minor"]
    return total


def build_money() -> Money:
    money = Money()
    states = [money.donor(f"ms-{c.lower()}", n, "member_state", c, cur, w) for c, n, cur, w in STATES_2015]
    new_states = [
        money.donor(f"ms-{c.lower()}", n, "member_state", c, cur, w) for c, n, cur, w in STATES_2019
    ]
    companies = [
        money.donor(f"ps-{i + 1:02d}", n, "private_sector", c, cur, R.choice([0.5, 1.0, 1.0, 1.5, 2.0]))
        for i, (n, c, cur) in enumerate(COMPANIES)
    ]
    companies_2015, late_company = companies[:-1], companies[-1]
    foundations = [
        money.donor(f"fd-{i + 1}", n, "foundation", c, cur, 1.0) for i, (n, c, cur) in enumerate(FOUNDATIONS)
    ]
    by_code = {x["country_code"]: x for x in states + new_states}

    # Individuals: those who give directly, and those who gave through the Charidy campaign.
    names_used: set[str] = set()

    def individual(prefix: str, i: int) -> dict:
        pool, country, currency = R.choice(INDIVIDUAL_POOLS)
        name = person(pool)
        while name in names_used:
            name = person(pool)
        names_used.add(name)
        return money.donor(
            f"{prefix}-{i:03d}",
            name,
            "individual",
            country,
            currency,
            R.uniform(0.3, 2.0),
            anonymous=R.random() < 0.3,
        )

    individuals = [individual("in", i + 1) for i in range(40)]
    campaign_donors = [individual("cy", i + 1) for i in range(150)]

    # Multi-year pledges paid in instalments (received in full).
    gb = by_code["GB"]
    money.contribution(
        gb,
        d("2014-02-17"),
        "GBP",
        150_000_00,
        [
            money.receipt("GBP", 50_000_00, d("2014-03-14")),
            money.receipt("GBP", 50_000_00, d("2015-03-13")),
            money.receipt("GBP", 50_000_00, d("2016-03-11")),
        ],
        note="Multi-year pledge 2014-2016, paid in three equal instalments.",
    )
    nl = by_code["NL"]
    money.contribution(
        nl,
        d("2017-01-20"),
        "EUR",
        120_000_00,
        [
            money.receipt("EUR", 60_000_00, d("2017-02-15")),
            money.receipt("EUR", 60_000_00, d("2018-02-14")),
        ],
        note="Two-year pledge 2017-2018.",
    )

    # ---- 2010 to mid-2015: exactly USD 2,000,000.00; private sector just under a third ----------
    buckets_2015 = [
        ("2010-08-16", "2010-12-17", 170_000_00, 5, 60_000_00, 5),
        ("2011-01-17", "2011-12-16", 360_000_00, 9, 160_000_00, 10),
        # enough by March 2012 for the first cycle's grants and their support costs
        ("2012-01-09", "2012-03-09", 80_000_00, 2, 30_000_00, 3),
        ("2012-04-02", "2012-12-14", 170_000_00, 6, 80_000_00, 6),
        ("2013-01-14", "2013-12-13", 220_000_00, 7, 130_000_00, 8),
        ("2014-01-13", "2014-12-12", 220_000_00 - 82_400_00, 6, 130_000_00, 8),  # GB instalment
        # all of it before the second Board session (22 April 2015), which recommended in light of it
        ("2015-01-12", "2015-04-03", 0, 0, 40_000_00, 3),  # GB instalment + closing gift below
    ]
    for start, end, ms_target, ms_n, ps_target, ps_n in buckets_2015:
        allocate(money, states, ms_target, ms_n, d(start), d(end), fresh_first=True)
        allocate(money, companies_2015, ps_target, ps_n, d(start), d(end), fresh_first=True)
    missing = [x["name"] for x in states + companies_2015 if x["key"] not in money.given]
    assert not missing, f"donors without a gift by mid-2015: {missing}"
    ps_gap = PRIVATE_TOTAL_2015 - usd_received(money, upto=CUTOFF_2015, kind="private_sector")
    assert 5_000_00 <= ps_gap <= 60_000_00, f"private closing gift out of range: {ps_gap}"
    money.gift_usd(
        companies_2015[13],
        ps_gap,
        d("2015-04-10"),
        pledge_floor=d("2015-04-01"),
        exact=True,
        currency="USD",
        note="Amount received net of bank charges.",
    )
    ms_gap = TOTAL_2015 - usd_received(money, upto=CUTOFF_2015)
    assert 10_000_00 <= ms_gap <= 250_000_00, f"Member State closing gift out of range: {ms_gap}"
    money.gift_usd(
        by_code["QA"],
        ms_gap,
        d("2015-04-15"),
        pledge_floor=d("2015-04-01"),
        exact=True,
        note="Amount received net of bank charges.",
    )

    # ---- mid-2015 to March 2019: about USD 6.7 million in all --------------------------------
    lu = by_code["LU"]
    money.contribution(
        lu,
        d("2016-03-14"),
        "EUR",
        25_000_00,
        [],
        status="cancelled",
        cancellation_reason="Withdrawn by the donor: its 2016 budget line was reallocated. "
        "Replaced by a contribution in 2017.",
        cancelled_at="2016-10-03T09:30:00Z",
    )
    kw = by_code["KW"]
    money.contribution(
        kw,
        d("2017-04-10"),
        "KWD",
        15_000_000,
        [money.receipt("KWD", 15_000_000, d("2017-05-08"))],
        earmarking="Third call for proposals: victims in situations of armed conflict",
    )
    se = by_code["SE"]
    money.contribution(
        se,
        d("2018-10-15"),
        "SEK",
        2_000_000_00,
        [
            money.receipt("SEK", 1_000_000_00, d("2018-11-20")),
            money.receipt("SEK", 500_000_00, d("2019-11-18")),
        ],
        note="Pledge for 2018-2020; the last instalment is due in 2020.",
    )
    buckets_2019 = [
        # lean months after the second cycle's grants: what arrives funds a few projects of its
        # reserve list (History.reserve_promotions), and the list lapses in December 2016
        ("2015-07-13", "2015-12-11", 30_000_00, 7, 4_000_00, 4, 0, 0, 1_000_00, 5),
        ("2016-01-11", "2016-12-16", 30_000_00, 13, 6_000_00, 7, 5_000_00, 1, 1_500_00, 8),
        # then the growth A/74/127 reports (6.7 million dollars by March 2019)
        (
            "2017-01-16",
            "2017-12-15",
            1_110_000_00 - 67_800_00 - 50_000_00 + 740_000_00,
            13,
            100_000_00,
            6,
            150_000_00,
            2,
            20_000_00,
            9,
        ),
        (
            "2018-01-15",
            "2018-12-14",
            1_220_000_00 - 115_200_00 - 66_400_00 + 590_000_00,
            14,
            90_000_00,
            6,
            100_000_00,
            1,
            20_000_00,
            9,
        ),
        ("2019-01-14", "2019-03-15", 150_000_00, 3, 20_000_00, 2, 0, 0, 4_000_00, 3),
    ]
    all_states = states + new_states
    for i, (start, end, ms_t, ms_n, ps_t, ps_n, fd_t, fd_n, in_t, in_n) in enumerate(buckets_2019):
        must_states = [x for x in new_states if x["key"] not in money.given][: 3 if i < 4 else 11]
        if start.startswith("2017"):
            must_states.append(lu)
        allocate(money, all_states, ms_t, ms_n, d(start), d(end), must=must_states)
        allocate(
            money,
            companies,
            ps_t,
            ps_n,
            d(start),
            d(end),
            must=[late_company] if start.startswith("2016") else None,
        )
        allocate(money, foundations, fd_t, fd_n, d(start), d(end))
        allocate(money, individuals, in_t, in_n, d(start), d(end))
    missing = [x["name"] for x in new_states + [late_company] if x["key"] not in money.given]
    assert not missing, f"donors without a gift by March 2019: {missing}"

    # The Charidy campaign of World Day 2017: exactly USD 50,000.00 from individuals.
    amounts_pool = [18, 25, 36, 50, 54, 72, 100, 100, 118, 180, 250, 360, 500, 1000, 1800]
    for _ in range(1000):
        amounts = [R.choice(amounts_pool) * 100 for _ in range(len(campaign_donors) - 1)]
        last = CHARIDY_TOTAL - sum(amounts)
        if 100_00 <= last <= 2_500_00:
            break
    else:  # pragma: no cover
        raise RuntimeError("could not split the Charidy total")
    amounts.append(last)
    for donor, amount in zip(campaign_donors, amounts, strict=True):
        day = d("2017-07-30") if R.random() < 0.7 else d("2017-07-31")
        money.contribution(
            donor, day, "USD", amount, [money.receipt("USD", amount, day)], campaign=CAMPAIGN_NAME
        )

    gap = TOTAL_2019 - usd_received(money, upto=CUTOFF_2019)
    assert 50_000_00 <= gap <= 400_000_00, f"March 2019 closing gift out of range: {gap}"
    money.gift_usd(
        by_code["KR"],
        gap,
        d("2019-03-22"),
        pledge_floor=d("2019-02-01"),
        exact=True,
        note="Amount received net of bank charges.",
    )

    # ---- after March 2019: more money, pledges in part received or not yet, one reversal ------
    de = by_code["DE"]
    money.contribution(
        de,
        d("2019-05-06"),
        "EUR",
        300_000_00,
        [money.receipt("EUR", 150_000_00, d("2019-06-14"))],
        note="Pledge for 2019-2020; second half expected in 2021.",
    )
    for code, currency, amount, day in [
        ("AT", "EUR", 50_000_00, "2019-09-16"),
        ("QA", "USD", 250_000_00, "2019-11-12"),
        ("KR", "USD", 150_000_00, "2019-12-05"),
        ("AE", "USD", 100_000_00, "2020-02-10"),
        ("GB", "GBP", 100_000_00, "2020-03-12"),
        ("SA", "USD", 200_000_00, "2020-04-20"),
        ("CH", "CHF", 60_000_00, "2020-06-15"),
        ("IT", "EUR", 80_000_00, "2020-09-21"),
    ]:
        donor = by_code[code]
        money.contribution(
            donor, d(day) - dt.timedelta(days=30), currency, amount, [money.receipt(currency, amount, d(day))]
        )
    money.contribution(
        by_code["JP"],
        d("2020-10-19"),
        "JPY",
        11_000_000,
        [],
        note="Pledged at the 2020 pledging event; payment expected in 2021.",
    )
    money.contribution(by_code["NO"], d("2020-11-16"), "NOK", 1_500_000_00, [], note="Pledged for 2021.")
    allocate(money, companies, 60_000_00, 4, d("2019-04-15"), d("2020-11-30"))
    allocate(money, individuals, 6_000_00, 8, d("2019-04-15"), d("2020-11-30"))
    chargeback = individuals[7]
    money.contribution(
        chargeback,
        d("2019-12-02"),
        "USD",
        500_00,
        [
            money.receipt(
                "USD",
                500_00,
                d("2019-12-02"),
                status="reversed",
                reversal_reason="Card payment charged back by the donor's bank.",
                reversed_at="2019-12-20T10:15:00Z",
            )
        ],
        status="cancelled",
        cancellation_reason="Payment reversed (chargeback); no new payment is expected.",
        cancelled_at="2019-12-20T10:20:00Z",
    )
    return money


# --------------------------------------------------------------------------------------------
# Grant cycles
# --------------------------------------------------------------------------------------------
def iso(day: dt.date) -> str:
    return day.isoformat()


class History:
    def __init__(self, money: Money) -> None:
        self.money = money
        self.orgs = Orgs()
        self.props = Proposals(self.orgs)
        self.sessions: list[dict] = []
        self.grants: list[dict] = []
        self.grantees: dict[str, list[str]] = {"1": [], "2": [], "3": []}

    # -- cycle 1 ----------------------------------------------------------------------------
    def cycle1(self) -> None:
        countries = ["NG", "UG", "IN", "NP", "KH", "PH", "MD", "AL", "MX", "CO", "ZA"]
        for _ in range(1000):
            amounts = [round_to(R.uniform(50_000_00, 90_000_00), 500_00) for _ in range(10)]
            last = CYCLE1_DRAWN - sum(amounts)
            if 45_000_00 <= last <= 95_000_00:
                break
        amounts.append(last - (CYCLE1_DRAWN - CYCLE1_TOTAL))
        recs = []
        for country, amount in zip(countries, amounts, strict=True):
            org = self.orgs.new(country, founded_before=2006)
            requested = amount if R.random() < 0.6 else round_to(amount * R.uniform(1.05, 1.25), 500_00)
            requested = min(requested, minor(CALLS["1"]["ceiling"]))
            proposal = self.props.new("1", org, requested=requested, duration=30, status="approved")
            self.props.screen(proposal, [])
            recs.append((proposal, amount))
        self.session(
            "1",
            recs,
            [],
            [],
            held_on=d("2012-03-15"),
            term=None,
            approvals=(d("2012-03-26"), d("2012-03-30")),
        )

    # -- cycle 2 ----------------------------------------------------------------------------
    def cycle2(self) -> None:
        repeat_winners = [self.grantee("1", "NP"), self.grantee("1", "MD")]  # re-apply and win again
        repeat_others = [self.grantee("1", "KH"), self.grantee("1", "CO")]  # re-apply: reserve list
        pool = sorted(c for c in COUNTRIES if c not in ("US", "FR", "DE", "NL", "BE", "IT", "ES"))
        fixed = {o["country_code"] for o in repeat_winners + repeat_others}
        others = [c for c in pool if c not in fixed]
        chosen = sorted(fixed) + R.sample(others, 59 - len(fixed))
        busy = {
            "NG": 5,
            "IN": 5,
            "NP": 4,
            "KE": 4,
            "UG": 3,
            "PH": 4,
            "MX": 4,
            "CO": 3,
            "BD": 3,
            "KH": 3,
            "MD": 3,
            "UA": 3,
            "GH": 2,
            "TH": 3,
            "VN": 2,
            "BR": 2,
            "PE": 2,
            "GT": 2,
            "AL": 2,
            "ZA": 2,
        }
        counts = {c: 1 for c in chosen}
        while sum(counts.values()) < 113:
            c = weighted(chosen, [busy.get(x, 1) for x in chosen])
            if counts[c] < 5:
                counts[c] += 1
        slots: list[dict] = list(repeat_winners + repeat_others)
        remaining = dict(counts)
        for org in slots:
            remaining[org["country_code"]] -= 1
        for c in chosen:
            for _ in range(remaining[c]):
                slots.append(self.orgs.new(c, founded_before=2011))
        assert len(slots) == 113
        assert len({o["country_code"] for o in slots}) == 59
        R.shuffle(slots)
        # 21 to fund (the two repeat winners among them, countries spread), 70 reserve, 22 ineligible.
        fund_orgs = list(repeat_winners)
        seen = {o["country_code"] for o in fund_orgs}
        for org in slots:
            if len(fund_orgs) == 21:
                break
            if org in fund_orgs or org in repeat_others or org["country_code"] in seen:
                continue
            fund_orgs.append(org)
            seen.add(org["country_code"])
        rest = [o for o in slots if o not in fund_orgs]
        ineligible = [o for o in rest if o not in repeat_others][:22]
        reserve = [o for o in rest if o not in ineligible]
        assert (len(fund_orgs), len(reserve), len(ineligible)) == (21, 70, 22)
        for org in ineligible:
            fails = ineligible_failures()
            if "experience_with_victims" in fails:
                self.orgs.refound(org, R.choice([2013, 2014]))
            proposal = self.props.new(
                "2",
                org,
                requested=requested_amount("2", fails),
                duration=duration_for("2", fails),
                status="ineligible",
            )
            self.props.screen(proposal, fails)
        for _ in range(1000):
            requested = [round_to(R.uniform(38_000_00, 60_000_00), 50_00) for _ in fund_orgs]
            amounts = [
                r if R.random() < 0.75 else round_to(r * R.uniform(0.82, 0.95), 50_00) for r in requested
            ]
            if 975_000_00 <= sum(amounts) <= 1_025_000_00 and sum(amounts) != 1_000_000_00:
                break
        recs = []
        for org, req, amount in zip(fund_orgs, requested, amounts, strict=True):
            proposal = self.props.new("2", org, requested=req, duration=24, status="approved")
            self.props.screen(proposal, [])
            recs.append((proposal, amount))
        reserve_props = []
        for org in reserve:
            proposal = self.props.new(
                "2",
                org,
                requested=requested_amount("2", []),
                duration=duration_for("2", []),
                status="reserve",
            )
            self.props.screen(proposal, [])
            reserve_props.append(proposal)
        self.session(
            "2",
            recs,
            reserve_props,
            [],
            held_on=d("2015-04-22"),
            term="2014-2016",
            approvals=(d("2015-07-06"), d("2015-07-10")),
        )

    # -- cycle 3 ----------------------------------------------------------------------------
    def cycle3(self) -> None:
        c1, c2 = self.grantees["1"], self.grantees["2"]
        c2_only = [k for k in c2 if k not in c1]
        earlier_winners = [
            self.grantee("1", "PH"),
            self.orgs.by_key[c2_only[2]],
            self.orgs.by_key[c2_only[8]],
        ]
        c2_applicants = sorted({p["organisation"] for p in self.props.rows if p["call"] == "2"})
        c2_other = [self.orgs.by_key[k] for k in c2_applicants if k not in c2 and k not in c1]
        returning = R.sample(c2_other, 25)
        focus = [
            "IQ",
            "JO",
            "LB",
            "TR",
            "GR",
            "IT",
            "NE",
            "ML",
            "NG",
            "SS",
            "SO",
            "CF",
            "CD",
            "UA",
            "CO",
            "MX",
            "GT",
            "BD",
            "MM",
            "AF",
            "DJ",
            "ET",
            "SD",
            "YE",
            "PK",
            "HN",
            "EC",
            "PE",
            "BF",
            "CM",
            "TN",
            "MA",
            "SN",
            "KE",
            "UG",
        ]
        new_orgs = [self.orgs.new(R.choice(focus), founded_before=2014) for _ in range(85 - 3 - 25)]
        slots = earlier_winners + returning + new_orgs
        R.shuffle(slots)
        withdrawn = next(o for o in slots if o in new_orgs)
        candidates = [o for o in slots if o is not withdrawn]
        fund_orgs = list(earlier_winners)
        for org in candidates:
            if len(fund_orgs) == 16:
                break
            if org not in fund_orgs and org in new_orgs:
                fund_orgs.append(org)
        rest = [o for o in candidates if o not in fund_orgs]
        ineligible = rest[:18]
        eligible_rest = rest[18:]
        reserve, decline = eligible_rest[:20], eligible_rest[20:]
        assert (len(fund_orgs), len(ineligible), len(reserve), len(decline)) == (16, 18, 20, 30)
        # Partner-portal ids appear with this call (the UN Partner Portal opened in 2018).
        for n, org in enumerate(slots):
            if R.random() < 0.6 and org["partner_portal_id"] is None:
                org["partner_portal_id"] = f"CSO-{org['country_code']}-{24000 + n * 37:06d}"
        proposal = self.props.new(
            "3", withdrawn, requested=requested_amount("3", []), duration=24, status="withdrawn"
        )
        proposal["withdrawn_reason"] = (
            "Withdrawn by the applicant before screening: the project "
            "obtained full funding from another donor."
        )
        for org in ineligible:
            fails = ineligible_failures()
            if "experience_with_victims" in fails:
                if org in new_orgs:
                    self.orgs.refound(org, 2016)
                else:  # an organisation that applied in 2014 cannot be new in 2017
                    fails = [f for f in fails if f != "experience_with_victims"] or ["complete_application"]
            p = self.props.new(
                "3",
                org,
                requested=requested_amount("3", fails),
                duration=duration_for("3", fails),
                status="ineligible",
            )
            self.props.screen(p, fails)
        recs = []
        for org in fund_orgs:
            req = round_to(R.uniform(25_000_00, 60_000_00), 50_00)
            amount = req if R.random() < 0.75 else round_to(req * R.uniform(0.85, 0.95), 50_00)
            p = self.props.new("3", org, requested=req, duration=24, status="approved")
            self.props.screen(p, [])
            recs.append((p, amount))
        reserve_props, decline_props = [], []
        for org in reserve:
            p = self.props.new(
                "3",
                org,
                requested=requested_amount("3", []),
                duration=duration_for("3", []),
                status="reserve",
            )
            self.props.screen(p, [])
            reserve_props.append(p)
        for org in decline:
            p = self.props.new(
                "3",
                org,
                requested=requested_amount("3", []),
                duration=duration_for("3", []),
                status="declined",
            )
            self.props.screen(p, [])
            decline_props.append(p)
        self.session(
            "3",
            recs,
            reserve_props,
            decline_props,
            held_on=d("2018-03-14"),
            term="2017-2020",
            approvals=(d("2018-04-16"), d("2018-04-20")),
        )

    def grantee(self, call_label: str, country: str) -> dict:
        return next(
            self.orgs.by_key[k]
            for k in self.grantees[call_label]
            if self.orgs.by_key[k]["country_code"] == country
        )

    # -- the Board, final approval, grants -----------------------------------------------------
    def session(
        self,
        call_label: str,
        funded,
        reserve,
        decline,
        *,
        held_on: dt.date,
        term: str | None,
        approvals: tuple[dt.date, dt.date],
    ) -> None:
        # The income the Board is told it can grant: what the fund may commit to new grants that
        # day, their programme support costs set aside, within what is left of the call's budget
        # where the call announced one. The Board funds what it can of it, so that what is left
        # is less than the cheapest project it puts on a reserve list (2015 report, par. 66).
        funded_total = sum(amount for _proposal, amount in funded)
        income = self.available_income(held_on)
        budget = CALLS[call_label]["budget"]
        if budget is not None:
            income = min(income, minor(budget))
        assert funded_total <= income, f"session {call_label}: funds {funded_total}, has {income}"
        if reserve:
            cheapest = min(minor(p["requested"]) for p in reserve)
            assert income - funded_total < cheapest, f"session {call_label}: money left for its reserve list"
        key = f"session-{call_label}"
        recs = []
        expiry = CALLS[call_label]["reserve_expires_on"]
        rejected_ref = funded[-1][0]["reference"] if call_label == "3" else None
        for rank, (proposal, amount) in enumerate(sorted(funded, key=lambda x: -x[1]), start=1):
            requested = minor(proposal["requested"])
            rationale = R.choice(
                [
                    "Strong record of direct assistance to victims; realistic budget and clear referral "
                    "arrangements.",
                    "Well-targeted project with an experienced team and individual case management.",
                    "Meets an unmet need for specialised shelter and recovery services; sound budget.",
                    "Good cooperation with the authorities; measurable results for victims.",
                ]
            )
            if amount < requested:
                rationale += (
                    f" Amount reduced from {dollars(requested)} to {dollars(amount)} to fit "
                    f"the available income."
                )
            decided = rand_date(*approvals)
            if proposal["reference"] == rejected_ref:
                proposal["status"] = "rejected"
                approval = {
                    "decision": "rejected",
                    "amount": None,
                    "approver_name": APPROVER,
                    "decided_at": stamp(decided),
                    "reason": "Final approval withheld: the organisation's registration had expired "
                    "and was not renewed before the grant agreement could be signed.",
                }
                status = "rejected"
            else:
                approval = {
                    "decision": "approved",
                    "amount": fmt(amount),
                    "approver_name": APPROVER,
                    "decided_at": stamp(decided),
                    "reason": None,
                }
                status = "approved"
                self.grant(call_label, proposal, amount, decided)
            recs.append(
                {
                    "proposal": proposal["reference"],
                    "decision": "fund",
                    "amount": fmt(amount),
                    "rank": rank,
                    "rationale": rationale,
                    "reserve_expires_on": None,
                    "status": status,
                    "approvals": [approval],
                }
            )
        promotions: dict[str, tuple[int, dt.date]] = {}
        if call_label == "2":
            # The Board ranks first the projects of organisations it has funded before; while the
            # list is valid, money that arrives funds its projects in rank order, each that the
            # money then allows (2015 report par. 66: "si de nouveaux fonds sont débloqués").
            earlier = {g["organisation"] for g in self.grants if g["call"] != call_label}
            reserve = sorted(reserve, key=lambda p: p["organisation"] not in earlier)
            promotions = self.reserve_promotions(reserve, after=approvals[1], until=d(expiry))
        for rank, proposal in enumerate(reserve, start=1):
            when = (
                "in case new funds are released by December 2016"
                if call_label == "2"
                else "in case new funds are released by 30 June 2019"
            )
            rec = {
                "proposal": proposal["reference"],
                "decision": "reserve",
                "amount": None,
                "rank": rank,
                "rationale": f"Eligible and relevant, but ranked below the funded projects given the "
                f"available income; placed on the reserve list {when}.",
                "reserve_expires_on": expiry,
                "status": "expired",
                "approvals": [],
            }
            if proposal["reference"] in promotions:
                amount, decided = promotions[proposal["reference"]]
                rec["status"] = "promoted"
                rec["approvals"] = [
                    {
                        "decision": "approved",
                        "amount": fmt(amount),
                        "approver_name": APPROVER,
                        # at a set hour: no draw of the random generator, whose later draws make
                        # the third cycle as it was before these promotions were recorded
                        "decided_at": f"{iso(decided)}T10:30:00Z",
                        "reason": None,
                    }
                ]
                proposal["status"] = "approved"
            recs.append(rec)
        for proposal in decline:
            recs.append(
                {
                    "proposal": proposal["reference"],
                    "decision": "decline",
                    "amount": None,
                    "rank": None,
                    "rationale": R.choice(
                        [
                            "Eligible, but only loosely linked to the call's priorities (armed conflict, "
                            "mixed migration flows).",
                            "Eligible, but the budget goes mostly to staff and awareness-raising; little "
                            "direct assistance to victims.",
                            "Eligible, but overlaps with an ongoing project funded by another donor in the "
                            "same area.",
                            "Eligible, but the expected results for victims are not measurable as proposed.",
                        ]
                    ),
                    "reserve_expires_on": None,
                    "status": "declined",
                    "approvals": [],
                }
            )
        self.sessions.append(
            {
                "key": key,
                "call": call_label,
                "term": term,
                "held_on": iso(held_on),
                "place": "Vienna",
                "currency": "USD",
                "available_income": fmt(income),
                "status": "closed",
                "recommendations": recs,
            }
        )

    def reserve_promotions(
        self, ranked: list[dict], *, after: dt.date, until: dt.date
    ) -> dict[str, tuple[int, dt.date]]:
        """Fund reserve-list projects as money arrives, from ``after`` to ``until``: a week after each
        receipt, each project still waiting, in rank order, that what the fund may then commit
        allows, for the amount it asked. Makes their grants; returns {reference: (amount, day)}."""
        days = sorted(
            {
                d(r["received_on"])
                for c in self.money.contributions
                for r in c["receipts"]
                if r["status"] == "recorded" and after < d(r["received_on"]) <= until
            }
        )
        promoted: dict[str, tuple[int, dt.date]] = {}
        for day in days:
            decided = day + dt.timedelta(days=7)
            while decided.weekday() >= 5:
                decided += dt.timedelta(days=1)
            if decided > until:
                break
            self._promote(ranked, promoted, decided, in_rank_order=True)
        # a fortnight before the list lapses, what is left funds what it can, still in rank order
        last = until - dt.timedelta(days=14)
        while last.weekday() >= 5:
            last -= dt.timedelta(days=1)
        self._promote(ranked, promoted, last, in_rank_order=False)
        left = self.available_income(until)
        waiting = [minor(p["requested"]) for p in ranked if p["reference"] not in promoted]
        assert not waiting or left < min(waiting), f"reserve list lapses with {left} left"
        return promoted

    def _promote(
        self,
        ranked: list[dict],
        promoted: dict[str, tuple[int, dt.date]],
        day: dt.date,
        *,
        in_rank_order: bool,
    ) -> None:
        """Promote, on ``day``, the waiting projects the money allows: while the list runs, the next
        in rank waits until it can be funded and those after it wait behind it; at its end, each
        that the money left allows, best ranked first."""
        for proposal in ranked:
            if proposal["reference"] in promoted:
                continue
            amount = minor(proposal["requested"])
            if amount > self.available_income(day):
                if in_rank_order:
                    return
                continue
            promoted[proposal["reference"]] = (amount, day)
            self.grant(proposal["call"], proposal, amount, day, promoted=True)

    def available_income(self, on: dt.date) -> int:
        """What the fund may commit to new grants on the day, their programme support costs set
        aside (the books' rule: ``fundapp.books.support``)."""
        received = usd_received(self.money, upto=on)
        committed = sum(minor(g["amount"]) for g in self.grants if d(g["approved_on"]) <= on)
        return grantable_minor(received, committed, SUPPORT_BP)

    def grant(
        self, call_label: str, proposal: dict, amount: int, approved: dt.date, *, promoted: bool = False
    ) -> None:
        org = self.orgs.by_key[proposal["organisation"]]
        if not promoted:  # the later calls draw their applicants from the first decisions
            self.grantees[call_label].append(org["key"])
        n = len([g for g in self.grants if g["call"] == call_label]) + 1
        year = approved.year
        if call_label == "1":
            start = d("2012-05-01")
            end = month_end(add_months(start, R.choice([28, 29, 30]) - 1))
        elif call_label == "2" and promoted:  # two years from the month after next
            start = add_months(approved.replace(day=1), 2)
            end = month_end(add_months(start, 23))
        elif call_label == "2":
            start, end = d("2015-09-01"), d("2017-08-31")
        elif promoted:
            start, end = d("2018-12-01"), d("2020-08-31")
        else:
            start, end = d("2018-06-01"), d("2020-05-31")
        grant = {
            "agreement_number": f"UNVTF/GA/{year}/{call_label}-{n:02d}",
            "call": call_label,
            "proposal": proposal["reference"],
            "organisation": org["key"],
            "currency": "USD",
            "amount": fmt(amount),
            "approved_on": iso(approved),
            "starts_on": iso(start),
            "ends_on": iso(end),
            "country_code": proposal["facets"]["country"][0],
            "status": "closed",
            "status_reason": None,
            "illustrative": True,
            "conditions": [],
            "disbursements": [],
            "reports": [],
        }
        self.grants.append(grant)

    def grant_lifecycles(self) -> None:
        """Conditions, tranches and reports for each grant, consistent with its dates."""
        cycle3 = [g for g in self.grants if g["call"] == "3"]
        extended = {cycle3[1]["agreement_number"], cycle3[4]["agreement_number"]}
        underspent = [g for g in self.grants if g["call"] == "2"][5]["agreement_number"]
        not_disaggregated = [g for g in self.grants if g["call"] == "1"][7]["agreement_number"]
        people_targets = {"1": R.randint(4200, 4800), "2": R.randint(5700, 6300), "3": R.randint(5500, 6100)}
        for call_label in ("1", "2", "3"):
            grants = [
                g for g in self.grants if g["call"] == call_label and g["agreement_number"] not in extended
            ]
            weights = [minor(g["amount"]) * R.uniform(0.75, 1.25) for g in grants]
            total = sum(weights)
            for g, w in zip(grants, weights, strict=True):
                g["_people"] = max(40, int(people_targets[call_label] * w / total))
            if call_label == "2":  # exactly CYCLE2_PEOPLE: the last grant takes what the shares leave
                shares = [max(40, int(CYCLE2_PEOPLE * w / total)) for w in weights]
                shares[-1] = CYCLE2_PEOPLE - sum(shares[:-1])
                for g, n in zip(grants, shares, strict=True):
                    g["_people"] = n
        for g in self.grants:
            amount = minor(g["amount"])
            start, end = d(g["starts_on"]), d(g["ends_on"])
            active = g["agreement_number"] in extended
            if active:
                end = d("2020-12-31")
                g["ends_on"] = iso(end)
                g["status"] = "active"
                g["status_reason"] = (
                    "No-cost extension to 31 December 2020: activities were delayed by COVID-19 restrictions."
                )
            met = start - dt.timedelta(days=R.randint(10, 30))
            g["conditions"] = [
                {
                    "description": "Revised budget aligned with the approved amount",
                    "description_fr": "Budget révisé conforme au montant approuvé",
                    "met_on": iso(met),
                    "note": None,
                },
                {
                    "description": "Bank account details confirmed",
                    "description_fr": "Coordonnées bancaires confirmées",
                    "met_on": iso(met + dt.timedelta(days=3)),
                    "note": None,
                },
            ]
            if R.random() < 0.3:
                g["conditions"].append(
                    {
                        "description": "Signed child-safeguarding policy",
                        "description_fr": "Politique de protection de l’enfance signée",
                        "met_on": iso(met + dt.timedelta(days=5)),
                        "note": None,
                    }
                )
            interim_due = month_end(add_months(start, 12))
            interim_in = interim_due - dt.timedelta(days=R.randint(0, 14))
            interim_ok = interim_in + dt.timedelta(days=R.randint(7, 25))
            if g["call"] == "1":
                final_due = end + dt.timedelta(days=30)
                final_in = final_due - dt.timedelta(days=R.randint(1, 8))
                final_ok = min(final_in + dt.timedelta(days=R.randint(5, 12)), d("2014-12-10"))
            else:
                final_due = month_end(add_months(end, 2))
                final_in = final_due - dt.timedelta(days=R.randint(0, 20))
                final_ok = final_in + dt.timedelta(days=R.randint(10, 30))
            returned_once = R.random() < 0.15
            reports = [
                {
                    "kind": "interim",
                    "nature": "narrative",
                    "due_on": iso(interim_due),
                    "received_on": iso(interim_in),
                    "status": "accepted",
                    "review_note": None,
                    **NO_PEOPLE,
                },
                {
                    "kind": "interim",
                    "nature": "financial",
                    "due_on": iso(interim_due),
                    "received_on": iso(interim_in),
                    "status": "accepted",
                    "review_note": RETURNED_NOTE if returned_once else None,
                    **NO_PEOPLE,
                },
            ]
            if active:
                reports += [
                    {
                        "kind": "final",
                        "nature": nature,
                        "due_on": iso(month_end(add_months(end, 2))),
                        "received_on": None,
                        "status": "due",
                        "review_note": None,
                        **NO_PEOPLE,
                    }
                    for nature in ("narrative", "financial")
                ]
            else:
                narrative = {
                    "kind": "final",
                    "nature": "narrative",
                    "due_on": iso(final_due),
                    "received_on": iso(final_in),
                    "status": "accepted",
                    "review_note": None,
                    **self.people(g, g["agreement_number"] == not_disaggregated),
                }
                reports += [
                    narrative,
                    {
                        "kind": "final",
                        "nature": "financial",
                        "due_on": iso(final_due),
                        "received_on": iso(final_in),
                        "status": "accepted",
                        "review_note": None,
                        **NO_PEOPLE,
                    },
                ]
            g["reports"] = reports
            first = round(amount * 0.4)
            second = round(amount * 0.4)
            third = amount - first - second
            plan = [
                (1, start, first),
                (2, interim_ok + dt.timedelta(days=7), second),
                (3, final_ok + dt.timedelta(days=7), third),
            ]
            tranches = []
            for tranche, planned, part in plan:
                paid_on = planned + dt.timedelta(days=R.randint(0, 6))
                if g["call"] == "1":
                    paid_on = min(paid_on, d("2014-12-19"))
                t = {
                    "tranche": tranche,
                    "currency": "USD",
                    "planned_on": iso(planned),
                    "amount": fmt(part),
                    "paid_on": iso(paid_on),
                    "paid": fmt(part),
                    "status": "paid",
                    "cancellation_reason": None,
                }
                if active and tranche == 3:
                    t.update(
                        planned_on=iso(month_end(add_months(end, 3))),
                        paid_on=None,
                        paid=None,
                        status="planned",
                    )
                if g["agreement_number"] == underspent and tranche == 3:
                    t.update(
                        paid_on=None,
                        paid=None,
                        status="cancelled",
                        cancellation_reason="Final tranche not released: the final financial report "
                        "showed an unspent balance larger than the tranche.",
                    )
                tranches.append(t)
            g["disbursements"] = tranches

    def people(self, grant: dict, not_disaggregated: bool) -> dict:
        """People assisted, each counted once, and how many of them were of each sex and age group
        and had each kind of assistance as the main help they were given (nationality unknown)."""
        proposal = self.props.by_ref[grant["proposal"]]
        groups = proposal["facets"]["target_group"]
        kinds = proposal["facets"]["assistance"]
        share = {"women": 0.45, "girls": 0.35, "men": 0.12, "boys": 0.08}
        cells = {
            "women": ("female", "adult"),
            "girls": ("female", "child"),
            "men": ("male", "adult"),
            "boys": ("male", "child"),
        }
        total = grant.pop("_people")
        weights = {g: share[g] * R.uniform(0.7, 1.3) for g in groups}
        by_sex_and_age: dict[tuple[str, str], int] = {}
        by_assistance: dict[str, int] = {}
        left = total
        for i, group in enumerate(groups):
            n_group = left if i == len(groups) - 1 else int(total * weights[group] / sum(weights.values()))
            left -= n_group
            sex, age = cells[group]
            if not_disaggregated:
                age = "not_disaggregated"
            by_sex_and_age[(sex, age)] = by_sex_and_age.get((sex, age), 0) + n_group
            main = R.sample(kinds, min(len(kinds), R.randint(2, 4)))
            kind_weights = [R.uniform(0.5, 1.5) for _ in main]
            rest = n_group
            for j, kind in enumerate(main):
                n = rest if j == len(main) - 1 else int(n_group * kind_weights[j] / sum(kind_weights))
                rest -= n
                by_assistance[kind] = by_assistance.get(kind, 0) + n
        return {
            "people_assisted": total,
            "people_by_sex_and_age": [
                {"sex": s, "age_group": a, "people": n} for (s, a), n in by_sex_and_age.items()
            ],
            "people_by_nationality": [],
            "people_by_assistance": [{"assistance": k, "people": n} for k, n in by_assistance.items()],
        }


#: A report that counts no people (a financial report, an interim one, one not yet received).
NO_PEOPLE = {
    "people_assisted": None,
    "people_by_sex_and_age": [],
    "people_by_nationality": [],
    "people_by_assistance": [],
}


# --------------------------------------------------------------------------------------------
# The fund, its Board, the campaign, and the reported figures
# --------------------------------------------------------------------------------------------
FUND = {
    "code": FUND_CODE,
    "name_en": "United Nations Voluntary Trust Fund for Victims of Trafficking in Persons, "
    "Especially Women and Children",
    "name_fr": "Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite "
    "des personnes, en particulier des femmes et des enfants",
    "short_name": "UNVTF",
    "administrator": "UNODC",
    "established_on": "2010-07-30",
    "currency": "USD",
    "programme_support": {
        "rate": percent_of_bp(SUPPORT_BP),
        "illustrative": True,
        "source": "Not stated in the reports: the standard rate on United Nations trust funds "
        "(ST/SGB/188 par. 47; ST/AI/286), assumed for this fund. At it, the support costs of the first two "
        f"cycles' grants account for what the USD 2 million received by June 2015 leaves over them "
        f"({src15('65')}, 66 and 69).",
    },
    "illustrative": False,
    "source": f"GA res. 64/293 of 30 July 2010, as cited in {src15('1')} and par. 31; {src19('1')}, 122",
    # how the fund publishes its open data (fundapp.exports.publisher): its own page, and the
    # Secretary-General's report that gives its figures
    # what the fund is for, as the reports say it (the fund's chapter): 003 par. 1 and 001 par. 122
    "mandate": {
        "resolution": "64/293",
        "instrument_en": "United Nations Global Plan of Action to Combat Trafficking in Persons",
        "instrument_fr": "Plan d’action mondial des Nations Unies pour la lutte contre la traite des "
        "personnes",
        # what the documents say the fund is for, in its own words (A/74/127 par. 122-123; the
        # 2015 report par. 64)
        "purpose_en": "direct assistance to victims of trafficking, in particular women and children",
        "purpose_fr": "l’assistance directe aux victimes de la traite, en particulier aux femmes et aux "
        "enfants",
        "victims_en": "victims of trafficking",
        "victims_fr": "victimes de la traite",
        "cause_en": "trafficking in persons",
        "cause_fr": "la traite des personnes",
        # the field of the Board members' knowledge (2015 report par. 68: "en tenant compte des
        # connaissances de chaque membre dans le domaine de la traite de personnes"); the French
        # as it follows "dans le domaine"
        "expertise_en": "trafficking in persons",
        "expertise_fr": "de la traite de personnes",
        # the SDG target every grant serves in the open data: 8.7, the end of human trafficking
        "sdg_targets": ["8.7"],
        "assistance": [
            "psychological_recovery",
            "social_reintegration",
            "rights_assertion",
            "identification",
            "legal_administrative",
            "coordination_information",
        ],
        "groups": ["women", "children"],
        "source": f"{src15('1')}; {src19('122')}",
    },
    "open_data": {
        "org_id": "XM-DAC-41128",
        "org_name": "United Nations Office on Drugs and Crime",
        "grant_prefix": "360G-UNODC",
        "source": "org_id: UNODC's code 41128 in IATI's CRSChannelCode codelist (list XM-DAC of "
        "org-id.guide); grant_prefix: a stand-in until 360Giving assigns UNODC its prefix",
        "website": "https://www.unodc.org/unodc/en/human-trafficking-fund/index.html",
        "documents": [
            {
                "url": "https://undocs.org/A/74/127",
                "title": "A/74/127: Improving the coordination of efforts against trafficking in "
                "persons, report of the Secretary-General (2019), section VI on the Fund",
                "category": "A07",
                "format": "text/html",
                "language": "en",
            }
        ],
    },
}
#: The independent evaluation of the Fund's management in the second half of 2014 (003 par. 67):
#: its dates (the half-year; the days are not given), criteria and conclusions, in both languages.
EVALUATIONS = [
    {
        "independent": True,
        "subject": "management",
        "started_on": "2014-07-01",
        "ended_on": "2014-12-31",
        "criteria": [
            "relevance",
            "effectiveness",
            "efficiency",
            "sustainability",
            "partnerships",
            "lessons_learned",
        ],
        "findings_en": "the Fund had made tangible progress overall and that direct assistance to victims "
        "of trafficking in persons clearly needed to be increased",
        "findings_fr": "le Fonds avait globalement accompli des progrès tangibles et qu’il était "
        "incontestable qu’il fallait accroître l’assistance directe aux victimes de la traite de "
        "personnes",
        "illustrative": False,
        "source": f"{src15('67')} (second half of 2014; the days are not given)",
    }
]
BOARD_TERMS = [
    {
        "label": "2014-2016",
        "starts_on": "2014-01-01",
        "ends_on": "2016-12-31",
        "appointed_on": "2013-12-01",
        "appointed_by": "Secretary-General",
        # "un nouveau conseil d'administration de haut niveau, en tenant compte des connaissances
        # de chaque membre dans le domaine de la traite de personnes"
        "appointment_notes": ["new_board", "high_level", "expertise"],
        "illustrative": False,
        "source": f"{src15('68')} (appointed in December 2013; the day is not given)",
        "members": [
            {"name": "Benita Ferrero-Waldner", "country_code": "AT", "is_chair": True, "gender": "f"},
            {"name": "Saisuree Chutikul", "country_code": "TH", "is_chair": False, "gender": None},
            {"name": "Joy Ngozi Ezeilo", "country_code": "NG", "is_chair": False, "gender": None},
            {"name": "Ketevan Khutsishvili", "country_code": "GE", "is_chair": False, "gender": None},
            {"name": "Virna Luque Ferro", "country_code": "PA", "is_chair": False, "gender": None},
        ],
    },
    {
        "label": "2017-2020",
        "starts_on": "2017-01-01",
        "ends_on": "2020-12-31",
        "appointed_on": None,
        "appointed_by": None,
        "appointment_notes": [],
        "illustrative": False,
        "source": src19("124"),
        "members": [
            {"name": "Benita Ferrero-Waldner", "country_code": None, "is_chair": True, "gender": "f"},
            {"name": "Arnaud Kouassi", "country_code": None, "is_chair": False, "gender": None},
            {"name": "Noor Al-Malki Al-Jehani", "country_code": None, "is_chair": False, "gender": None},
            {"name": "Alexis Bethancourt Yau", "country_code": None, "is_chair": False, "gender": None},
            {"name": "Viktoria Avakova", "country_code": None, "is_chair": False, "gender": None},
        ],
    },
]
for _term in BOARD_TERMS:
    for _member in _term["members"]:
        _member["illustrative"] = False
        _member["source"] = _term["source"]
CAMPAIGNS = [
    {
        "name": CAMPAIGN_NAME,
        "platform": "Charidy",
        "starts_on": "2017-07-30",
        "ends_on": None,
        # "a atteint l'objectif initial fixé par les organisateurs et permis de recueillir 50 000
        # dollars": the report gives no other figure for the target, so it is the amount raised,
        # the highest target the report allows.
        "target": "50000.00",
        "currency": "USD",
        "illustrative": False,
        "source": src19("129") + " (target: reached; not stated apart from the 50,000 raised)",
    }
]


def figures(history: History, money: Money) -> list[dict]:
    """Each reported figure, its wording, its source, and the value as seeded."""
    c2_fund = sum(
        minor(r["amount"])
        for s in history.sessions
        if s["call"] == "2"
        for r in s["recommendations"]
        if r["decision"] == "fund"
    )
    grantees = {g["organisation"] for g in history.grants}
    return [
        {
            "key": "fund.established",
            "value": "2010-07-30",
            "exact": True,
            "wording": "résolution 64/293 du 30 juillet 2010",
            "source": src15("1"),
        },
        {
            "key": "calls.launched",
            "value": [2011, 2014, 2017],
            "exact": True,
            "wording": "Trois appels mondiaux à propositions ont été lancés en 2011, 2014 et 2017",
            "source": src19("123"),
        },
        {
            "key": "cycle1.projects",
            "value": 11,
            "exact": True,
            "wording": "11 projets",
            "source": src15("65"),
            "seeded": 11,
        },
        {
            "key": "cycle1.total_usd",
            "value": "750000.00",
            "exact": False,
            "wording": "quelque 750 000 dollars",
            "source": src15("65"),
            "seeded": fmt(CYCLE1_TOTAL),
        },
        {
            "key": "cycle1.completed",
            "value": "2014-12",
            "exact": True,
            "wording": "a achevé son premier cycle d'octroi de subventions de trois ans en décembre 2014",
            "source": src15("65"),
        },
        {
            "key": "cycle2.proposals",
            "value": 113,
            "exact": True,
            "wording": "113 propositions",
            "source": src15("66"),
            "seeded": 113,
        },
        {
            "key": "cycle2.countries",
            "value": 59,
            "exact": True,
            "wording": "de 59 pays",
            "source": src15("66"),
            "seeded": 59,
        },
        {
            "key": "cycle2.eligible",
            "value": 91,
            "exact": True,
            "wording": "21 projets + 70 projets admissibles",
            "source": src15("66"),
            "seeded": 91,
            "derived": "21 + 70",
        },
        {
            "key": "cycle2.ineligible",
            "value": 22,
            "exact": True,
            "wording": "113 - 91",
            "source": src15("66"),
            "seeded": 22,
            "derived": "113 - 91",
        },
        {
            "key": "cycle2.recommended",
            "value": 21,
            "exact": True,
            "wording": "21 projets",
            "source": src15("66"),
            "seeded": 21,
        },
        {
            "key": "cycle2.recommended_usd",
            "value": "1000000.00",
            "exact": False,
            "wording": "environ 1 million de dollars",
            "source": src15("66"),
            "seeded": fmt(c2_fund),
        },
        {
            "key": "cycle2.reserve",
            "value": 70,
            "exact": True,
            "wording": "70 projets admissibles restants",
            "source": src15("66"),
            "seeded": 70,
        },
        {
            "key": "cycle2.reserve_until",
            "value": "2016-12-31",
            "exact": False,
            "wording": "au cas où de nouveaux fonds seraient débloqués d'ici à décembre 2016",
            "source": src15("66"),
            "seeded": "2016-12-31",
        },
        {
            "key": "cycle2.final_approval",
            "value": APPROVER,
            "exact": True,
            "wording": "après l'approbation finale de l'ONUDC, gestionnaire du Fonds",
            "source": src15("66"),
        },
        {
            "key": "cycle3.priorities",
            "value": PRIORITIES_CALL_3,
            "exact": True,
            "wording": "la priorité aux projets d'assistance directe aux victimes dans les situations de "
            "conflits armés et les flux migratoires mixtes",
            "source": src19("123"),
        },
        {
            "key": "ngos.selected",
            "value": 40,
            "exact": False,
            "bound": "more than",
            "wording": "Plus de 40 ONG spécialisées",
            "source": src19("123"),
            "seeded": len(grantees),
        },
        {
            "key": "contributions.2015.total_usd",
            "value": "2000000.00",
            "exact": False,
            "wording": "2 millions de dollars",
            "source": src15("69"),
            "seeded": fmt(usd_received(money, upto=CUTOFF_2015)),
            "as_of": iso(CUTOFF_2015),
        },
        {
            "key": "contributions.2015.annual_average_usd",
            "value": "400000.00",
            "exact": False,
            "wording": "une moyenne annuelle de 400 000 dollars",
            "source": src15("69"),
        },
        {
            "key": "contributions.2015.member_states",
            "value": 19,
            "exact": True,
            "wording": "Dix-neuf États Membres",
            "source": src15("69"),
            "seeded": donors_with_receipts(money, "member_state", CUTOFF_2015),
        },
        {
            "key": "contributions.2015.private_donors",
            "value": 30,
            "exact": False,
            "bound": "more than",
            "wording": "plus de 30 autres donateurs du secteur privé",
            "source": src15("69"),
            "seeded": donors_with_receipts(money, "private_sector", CUTOFF_2015),
        },
        {
            "key": "contributions.2015.private_share",
            "value": "1/3",
            "exact": False,
            "bound": "just under",
            "wording": "presque un tiers des fonds reçus",
            "source": src15("69"),
            "seeded": str((Decimal(PRIVATE_TOTAL_2015) / Decimal(TOTAL_2015)).quantize(Decimal("0.0001"))),
        },
        {
            "key": "contributions.2019.total_usd",
            "value": "6700000.00",
            "exact": False,
            "wording": "6,7 millions de dollars",
            "source": src19("123"),
            "seeded": fmt(TOTAL_2019),
            "as_of": iso(CUTOFF_2019),
        },
        {
            "key": "contributions.2019.member_states",
            "value": 30,
            "exact": True,
            "wording": "30 États Membres",
            "source": src19("123"),
            "seeded": donors_with_receipts(money, "member_state", CUTOFF_2019),
        },
        {
            "key": "contributions.2019.private_sector",
            "value": 33,
            "exact": True,
            "wording": "33 organisations du secteur privé",
            "source": src19("123"),
            "seeded": donors_with_receipts(money, "private_sector", CUTOFF_2019),
        },
        {
            "key": "contributions.2019.individuals",
            "value": None,
            "exact": False,
            "wording": "de nombreux particuliers",
            "source": src19("123"),
            "seeded": donors_with_receipts(money, "individual", CUTOFF_2019),
        },
        {
            "key": "campaign.charidy_usd",
            "value": "50000.00",
            "exact": True,
            "wording": "50 000 dollars",
            "source": src19("129"),
            "seeded": fmt(usd_received(money, upto=TODAY, campaign=CAMPAIGN_NAME)),
        },
        {
            "key": "beneficiaries.per_year",
            "value": 3000,
            "exact": False,
            "wording": "3 000 personnes",
            "source": src19("122"),
        },
        {
            "key": "board.2014_2016",
            "value": [m["name"] for m in BOARD_TERMS[0]["members"]],
            "exact": True,
            "wording": "nommé en décembre 2013, pour la période 2014-2016",
            "source": src15("68"),
        },
        {
            "key": "board.2017_2020",
            "value": [m["name"] for m in BOARD_TERMS[1]["members"]],
            "exact": True,
            "wording": "Pour la mandature 2017-2020",
            "source": src19("124"),
        },
    ]


def donors_with_receipts(money: Money, kind: str, upto: dt.date) -> int:
    return len(
        {
            c["donor"]
            for c in money.contributions
            if money.by_key[c["donor"]]["kind"] == kind
            and any(r["status"] == "recorded" and d(r["received_on"]) <= upto for r in c["receipts"])
        }
    )


def check_no_overcommit(history: History, money: Money) -> None:
    for grant in history.grants:
        day = d(grant["approved_on"])
        committed = sum(minor(g["amount"]) for g in history.grants if d(g["approved_on"]) <= day)
        received = usd_received(money, upto=day)
        kept = committed + support_costs_minor(committed, SUPPORT_BP)
        assert kept <= received, f"over-committed on {day}: {kept} (support costs included) > {received}"


RETURNED_NOTE = "Returned once for missing supporting documents; accepted after resubmission."
#: The demo users; staff, Board members and approvers work for the funds they name (by code): both
#: seeded funds, so that the demo tokens reach each (tests/auth/test_fund_matrix.py shows one fund's
#: users kept from the other's records).
USERS = [
    {"role": "admin", "email": f"admin@{DEMO_DOMAIN}", "name": "Demo administrator", "donor": None},
    {
        "role": "staff",
        "email": f"staff@{DEMO_DOMAIN}",
        "name": "Demo secretariat officer",
        "donor": None,
        "funds": ["UNVTF", "UNVFVT"],
    },
    {
        "role": "board",
        "email": f"board@{DEMO_DOMAIN}",
        "name": "Demo Board member",
        "donor": None,
        "funds": ["UNVTF", "UNVFVT"],
    },
    {
        "role": "approver",
        "email": f"approver@{DEMO_DOMAIN}",
        "name": "Demo fund manager (UNODC)",
        "donor": None,
        "funds": ["UNVTF", "UNVFVT"],
    },
    {"role": "donor", "email": f"donor@{DEMO_DOMAIN}", "name": "Demo donor (Austria)", "donor": "ms-at"},
]


def strip_private(rows: list[dict]) -> list[dict]:
    out = []
    for row in rows:
        clean = {}
        for key, value in row.items():
            if key.startswith("_") or key == "city":
                continue
            if isinstance(value, list) and value and isinstance(value[0], dict):
                value = strip_private(value)
            clean[key] = value
        out.append(clean)
    return out


def write(name: str, data: dict) -> None:
    path = OUT_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    global OUT_DIR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="directory to write the JSON files to")
    OUT_DIR = parser.parse_args().out
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    money = build_money()
    history = History(money)
    history.cycle1()
    history.cycle2()
    history.cycle3()
    history.grant_lifecycles()
    check_no_overcommit(history, money)
    grantees = {g["organisation"] for g in history.grants}
    assert len(grantees) > 40, len(grantees)

    comment = (
        "Generated by seed/generate.py (fixed random seed); do not edit by hand. Records marked "
        "illustrative are invented; see seed/README.md."
    )
    write(
        "fund.json",
        {
            "_comment": comment,
            "fund": FUND,
            "board_terms": BOARD_TERMS,
            "calls": list(CALLS.values()),
            "campaigns": CAMPAIGNS,
            "evaluations": EVALUATIONS,
            "figures": figures(history, money),
        },
    )
    write("organisations.json", {"_comment": comment, "organisations": strip_private(history.orgs.rows)})
    write("proposals.json", {"_comment": comment, "proposals": strip_private(history.props.rows)})
    write("board.json", {"_comment": comment, "sessions": history.sessions})
    write("grants.json", {"_comment": comment, "grants": strip_private(history.grants)})
    rates = [
        {"currency": c, "rate_date": day, "usd_per_unit": rate, "source": RATE_SOURCE}
        for (c, day), rate in sorted(money.rates.items())
    ]
    write(
        "contributions.json",
        {
            "_comment": comment,
            "exchange_rates": rates,
            "donors": strip_private(money.donors),
            "contributions": strip_private(money.contributions),
        },
    )
    write("users.json", {"_comment": comment, "users": USERS})
    # the second fund, beside the UNVTF's history (seed/torture_fund.py): its own folder
    second = (
        "Generated by seed/generate.py (seed/torture_fund.py); do not edit by hand. The second fund of the "
        "seed: every record below the fund's own facts is illustrative; see seed/README.md."
    )
    for name, data in torture_fund.build(money.rates, second).items():
        write(f"{torture_fund.FUND_CODE.lower()}/{name}", data)
    print(
        f"organisations {len(history.orgs.rows)}, proposals {len(history.props.rows)}, "
        f"grants {len(history.grants)} to {len(grantees)} NGOs, donors {len(money.donors)}, "
        f"contributions {len(money.contributions)}"
    )
    print(
        f"received to {CUTOFF_2015}: {usd_str(usd_received(money, upto=CUTOFF_2015))}; "
        f"to 2019-03-31: {usd_str(usd_received(money, upto=CUTOFF_2019))}"
    )


if __name__ == "__main__":
    main()
