"""Two notes written like real ones (a home visit, a strategy discussion), for the speed bench."""

VISIT = """Home visit 14/03/2025, 10:30-11:45. Present: Sarah Jenkins (SW), mum Leanne Price, Tyler (9) and Mia (4).
Tyler was seen alone in his bedroom. He said school was "boring" but he likes his teacher Mrs Okafor and plays
football on Saturdays with Dad. He said Dad's girlfriend Jade sometimes shouts. Mum reports she has been attending
the Freedom Programme at Women's Aid on Thursdays. She receives Universal Credit and Child Benefit; rent arrears are
£340. Mum said Darren (ex-partner) has not been to the house since the Non-Molestation Order was granted in January.
Actions: SW to update the Child Protection Plan before the Core Group on 21 March; refer Tyler to Early Help;
Health Visitor to review Mia's speech. Section 47 enquiry concluded, ICPC held 3 Feb 2025.
Mum asked whether she could change Mia's surname to Price. Manager oversight: Paul Whitfield, Team Manager,
Assessment Team East."""

STRATEGY = """Strategy Discussion - 12 June 2025, 14:00, Teams
Attendees: DS Mark Holloway (West Yorkshire Police), Dr Aisha Rahman (Named Doctor, LTHT), Gemma Wright (SW).
Child: Oliwia Nowak, DOB 03/02/2016, NHS 943 476 5919, Y4 at Beecroft Primary. Address: 22 Hawthorn Grove, Bramley,
Leeds LS13 2QR. Mother: Agnieszka Nowak (mob 07700 900461). Father: Piotr Nowak, not living at the address.
Oliwia disclosed to her class teacher Miss Hughes that "tata" hit her. Oliwia's older brother Kacper (13) was
present. Interpreter (Polish) required for mum. Piotr has a 2019 assault conviction (crime ref 13/998877/19).
Email updates to gemma.wright@leeds.example.gov.uk. Next review Friday 20 June."""
