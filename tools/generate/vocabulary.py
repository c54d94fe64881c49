"""The words generated articles are made of: only data.

Sentence, headline, subhead and caption templates (``templates`` reads their
slots), reporters' names, URL sections, and the names of months and days.
"""

# fmt: off
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
# fmt: on


# Slots: {actor} a country or person as subject, {loc} a country or place,
# {mod} a country as modifier ("Turkish officials"), {org} an organisation as
# modifier, {person} a person, {people} a country's people ("Afghans"); a
# trailing digit names a second entity. Value slots: {day} {n} {big} {pct}
# {year} {money}. Only the first word is capitalised, so that no run of
# capitalised words can read as a name the entity list lacks, and no words
# appear that a context rule looks for ("roast", "Atlanta", a "Delta" after
# "Niger").

SENTENCES = (
    # No entity: filler between mentions.
    "The talks are expected to resume early next week, according to two officials "
    "familiar with the matter who spoke on condition of anonymity.",
    "Analysts said the agreement left several key questions unanswered, including "
    "who would pay for reconstruction and how the new arrangements would be "
    "enforced.",
    "Prices for fuel and bread have risen by {pct} percent since the start of the "
    "year, squeezing household budgets that were already stretched by years of "
    "slow growth.",
    "At least {n} people were killed and dozens more were injured, local health "
    "officials said on {day}, adding that the toll was likely to rise.",
    "The government has denied the allegations, calling the reports politically "
    "motivated and saying that it would publish its own account of the events.",
    "Opposition leaders called for a protest on {day} and demanded an independent "
    "investigation into the handling of the crisis by the security services.",
    "The ministry said in a statement that it would not comment on operational "
    "details while the situation on the ground remained unclear.",
    "Rights groups have repeatedly warned that civilians are paying the highest "
    "price for the conflict, with hospitals and schools damaged in the fighting.",
    "Some {big} people have been forced to leave their homes since the fighting "
    "began, according to aid agencies working in the area.",
    "Officials said the new measures would remain in place for at least {n} days "
    "and could be extended if the situation did not improve.",
    "Residents described long queues at petrol stations and shops running low on "
    "basic goods as the disruption entered its second week.",
    "The central bank raised its key interest rate to {pct} percent on {day} in an "
    "effort to slow inflation and support the weakening currency.",
    "Lawmakers are expected to vote on the bill before the end of the month, "
    "although several members of the ruling coalition have said they may abstain.",
    "Critics say the plan does little to address the root causes of the crisis and "
    "warn that the same problems will return within a few years.",
    "The agreement will be reviewed after {n} months, a senior diplomat said, "
    "speaking to reporters after the signing ceremony.",
    "Turnout was estimated at {pct} percent, lower than in the previous election, "
    "as many voters stayed at home amid calls for a boycott.",
    "It was not immediately clear how many people had been detained, and officials "
    "did not respond to requests for comment on {day}.",
    "Negotiators worked through the night to finalise the text of the deal, which "
    "runs to {n} pages and sets out a timetable for the next steps.",
    "Several roads remained closed on {day} as crews cleared debris from the "
    "overnight storm and restored power to thousands of homes.",
    '"We are ready to talk, but we will not accept ultimatums," a senior official '
    "told reporters, adding that the next round would depend on the other side.",
    '"This is a difficult day for all of us," one resident said by telephone, '
    "describing streets that had emptied within hours.",
    "The deal is worth an estimated {money}, according to people familiar with the "
    "negotiations, making it one of the largest of its kind in the region.",
    "Economists expect growth to slow to around {pct} percent next year as demand "
    "weakens and the cost of borrowing continues to rise.",
    "A spokesperson for the ministry declined to comment when contacted on {day}, "
    "saying that a full statement would be issued in due course.",
    "Rescue teams were still searching for survivors late on {day}, working by "
    "floodlight as temperatures dropped below freezing.",
    "The vote was postponed twice last year amid disputes over the voter rolls and "
    "the funding of the electoral commission.",
    "Both sides have accused each other of violating earlier ceasefires, and "
    "neither has allowed independent monitors full access to the front line.",
    "More than {n} international observers are expected to monitor the process, "
    "which has been criticised by some as rushed.",
    "The measures come after weeks of pressure from business groups, who say the "
    "uncertainty has already cost them {money} in lost orders.",
    "Hospitals in the area said they had treated {n} people for injuries, most of "
    "them minor, and appealed for blood donations.",
    # One entity.
    "{actor} said on {day} that talks could resume within weeks, provided that "
    "the ceasefire held and prisoners were exchanged as agreed.",
    "{actor} has repeatedly denied any involvement in the attacks and has called "
    "for an independent investigation into who was responsible.",
    "{actor} called for calm and urged all sides to return to the negotiating "
    "table, warning that further violence would only deepen the crisis.",
    "In a televised address, {actor} described the agreement as painful but "
    "necessary, and promised that those affected would be compensated.",
    "Speaking to reporters on {day}, {actor} said the situation remained tense but "
    "under control, and that more troops would not be needed.",
    "{actor} welcomed the decision, saying that more work was needed to rebuild "
    "trust between the two sides after years of broken promises.",
    "The statement came hours after {actor} rejected calls for an international "
    "inquiry, describing them as interference in domestic affairs.",
    "{actor} warned that further sanctions would follow if the fighting did not "
    "stop, and said that all options remained on the table.",
    '"We will defend our interests," {actor} said in a statement released on '
    "{day}, without giving further details.",
    "Thousands of people took to the streets in {loc} on {day} to protest against "
    "the decision, blocking traffic in the city centre for several hours.",
    "Fighting in {loc} has killed at least {n} people since the start of the month, "
    "according to figures compiled by local officials.",
    "The meeting in {loc} was the first of its kind in {n} years and was seen by "
    "diplomats as a test of whether the thaw would last.",
    "Local media in {loc} reported long queues at border crossings as people tried "
    "to leave before the new rules took effect.",
    "Aid deliveries to {loc} have been delayed by bad weather and damaged roads, "
    "and relief agencies say supplies of medicine are running low.",
    "Prices in {loc} rose by {pct} percent last year, the fastest pace in a decade, "
    "driven by higher costs for energy and food.",
    "Elections in {loc} are due to be held within {n} months, although no date has "
    "yet been set by the electoral authorities.",
    "Security was tightened across {loc} ahead of the vote, with checkpoints set up "
    "on the main roads into the capital.",
    "Exports from {loc} fell by {pct} percent in the first quarter, according to "
    "official data published on {day}.",
    "{mod} officials said the talks had been constructive and would continue at "
    "the level of experts in the coming weeks.",
    "{mod} troops were sent to the area on {day}, according to a statement that "
    "gave no indication of how long they would stay.",
    "The {mod} delegation arrived on {day} for two days of talks expected to focus "
    "on trade, energy and the reopening of transport links.",
    "{mod} state media reported that {n} people had been detained overnight, but "
    "gave no details of the charges against them.",
    "The {mod} foreign ministry summoned the ambassador on {day} to protest against "
    "what it called a serious breach of earlier commitments.",
    "{mod} diplomats have spent months trying to broker a compromise, shuttling "
    "between the two capitals with a series of proposals.",
    "{org} officials said they were monitoring the situation closely and were in "
    "contact with all parties to the conflict.",
    "A statement issued by {org} officials called on all parties to respect the "
    "ceasefire and to allow aid to reach civilians.",
    "{org} representatives are due to visit the area next week to assess the needs "
    "of those displaced by the fighting.",
    "{org} observers said they had seen no evidence of large troop movements along "
    "the line of contact in recent days.",
    '"The door to dialogue remains open," {org} officials said in a statement, '
    "urging both governments to show restraint.",
    "{person}, who has been in office since {year}, said the decision was final "
    "and would not be reversed under pressure.",
    "{person} is expected to travel to the region later this month, aides said, "
    "in what would be the first such visit in years.",
    "In a post on social media, {person} thanked volunteers and medical workers "
    "and promised more help for the families affected.",
    "Many {people} fear that the agreement will not last, according to a recent "
    "survey that found deep distrust of the political class.",
    "Thousands of {people} have signed a petition calling for new elections and "
    "for the resignation of senior officials.",
    # Two or three entities.
    "{actor} and {actor2} agreed on {day} to set up a joint working group that will "
    "report back within {n} weeks.",
    "Talks between {actor} and {actor2} broke down last month over the question of "
    "border crossings and the return of displaced people.",
    "{actor} accused {actor2} of violating the terms of the ceasefire, an accusation "
    "that was quickly denied.",
    "{actor} spoke with {actor2} by phone on {day}, according to a readout of the "
    "call that described the conversation as frank.",
    "Trade between {loc} and {loc2} grew by {pct} percent last year, despite the "
    "political tensions between the two governments.",
    "The border between {loc} and {loc2} has been closed since {year}, cutting off "
    "families and traders on both sides.",
    "{mod} troops will remain in {loc} for at least {n} years under the deal, with "
    "an option to extend their mission.",
    "{org} officials said they would send monitors to {loc} within days, once "
    "security guarantees had been agreed.",
    "Flights between {loc} and {loc2} resumed on {day} after a pause of {n} weeks, "
    "with airlines reporting strong demand.",
    "{mod} officials accused {actor} of stalling the talks in the hope of winning "
    "better terms later in the year.",
    "{mod} and {mod2} officials met in {loc} on {day} but failed to agree on a "
    "timetable for the withdrawal of forces.",
)
HEADLINES = (
    "{actor} signals readiness to resume talks",
    "{actor} rejects calls for an international inquiry",
    "{actor} warns of further sanctions as tensions rise",
    "{person} vows to press ahead with reforms",
    "Protests spread in {loc} as prices climb",
    "Thousands rally in {loc} against new security law",
    "At least {n} killed in clashes in {loc}",
    "Aid convoys reach {loc} after weeks of delays",
    "Polls open in {loc} amid calls for calm",
    "{mod} troops to stay in the region for {n} more years",
    "{mod} officials say talks were constructive",
    "{org} calls for restraint after weekend clashes",
    "{org} observers report calm along the front line",
    "{actor} and {actor2} agree to resume talks",
    "{actor} accuses {actor2} of breaking truce",
    "{mod} troops head to {loc} after peace deal",
    "Trade between {loc} and {loc2} rebounds",
    "{org} to send monitors to {loc}",
)
SUBHEADS = (
    "A fragile truce",
    "What comes next",
    "Economic fallout",
    "'A difficult day'",
    "Calls for restraint",
    "Questions over funding",
    "Years of tension",
    "A shift in tone",
    "Humanitarian concerns",
    "Markets react",
    "Mixed reaction at home",
    "The road ahead",
    "Deep divisions",
    "'We are tired'",
    "Reaction in {loc}",
    "Pressure on {actor}",
    "{mod} concerns",
)
CAPTIONS = (
    "Police officers stand guard outside the parliament building in {loc} on {day}.",
    "{mod} soldiers patrol a street in {loc} on {day}.",
    "People queue outside a bank in {loc} on {day}.",
    "Demonstrators wave flags during a rally in {loc} on {day}.",
    "{person} speaks during a news conference on {day}.",
    "Smoke rises over the outskirts of {loc} on {day}.",
    "Delegates arrive for talks on {day}.",
    "Rescue workers search through rubble on {day}.",
    "{org} monitors inspect a checkpoint on {day}.",
)
# fmt: off
_FIRST_NAMES = (
    "Anna", "Mark", "Lena", "Tomas", "Sara", "David", "Irina", "Paul", "Nadia",
    "Oliver", "Maria", "Kenji", "Ruth", "Felix", "Elena", "Omar",
)
_LAST_NAMES = (
    "Petrova", "Ellis", "Hartmann", "Novak", "Lindqvist", "Okafor", "Brennan",
    "Sato", "Kowalski", "Moreau", "Haddad", "Whitfield", "Castillo", "Nakamura",
    "Fischer", "Duarte",
)
# fmt: on
_SECTIONS = ("world", "news", "politics", "europe", "asia", "business")
