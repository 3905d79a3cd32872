<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/screens/dialogs.py" line="+86"/>
        <source>&lt;p&gt;This laptop&apos;s key fingerprint (HQ compares it with its Devices tab before approving this laptop):&lt;br&gt;&lt;tt&gt;{fingerprint}&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;ស្នាមម្រាមដៃកូនសោរបស់កុំព្យូទ័រនេះ (ទីស្នាក់ការកណ្តាលប្រៀបធៀបវាជាមួយផ្ទាំងឧបករណ៍ មុនពេលអនុម័តកុំព្យូទ័រនេះ)៖&lt;br&gt;&lt;tt&gt;{fingerprint}&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About fieldapp</source>
        <translation>អំពី fieldapp</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>&lt;h3&gt;fieldapp {version}&lt;/h3&gt;&lt;p&gt;Offline screening, photos, handover forms and sync for anti-trafficking raid teams.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v3 or later. Qt and PySide6: LGPL v3. SQLCipher: BSD-style. Noto fonts: SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Indicator sets: ILO/EC operational indicators of trafficking in human beings (2009), still to be checked against the ILO brochure; translations marked draft await review.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;fieldapp {version}&lt;/h3&gt;&lt;p&gt;ការពិនិត្យកំណត់អត្តសញ្ញាណ រូបថត លិខិតប្រគល់ និងការធ្វើសមកាលកម្ម ដោយមិនប្រើអ៊ីនធឺណិត សម្រាប់ក្រុមចុះបង្ក្រាបការជួញដូរមនុស្ស។&lt;/p&gt;&lt;p&gt;អាជ្ញាប័ណ្ណ៖ GNU GPL v3 ឬថ្មីជាងនេះ។ Qt និង PySide6៖ LGPL v3។ SQLCipher៖ ប្រភេទ BSD។ ពុម្ពអក្សរ Noto៖ SIL Open Font License 1.1។&lt;/p&gt;&lt;p&gt;សំណុំសូចនាករ៖ សូចនាករប្រតិបត្តិការនៃការជួញដូរមនុស្សរបស់ ILO/EC (២០០៩) ដែលនៅត្រូវផ្ទៀងផ្ទាត់ជាមួយខិត្តប័ណ្ណរបស់ ILO; ការបកប្រែដែលសម្គាល់ថាជាសេចក្តីព្រាង កំពុងរង់ចាំការពិនិត្យ។&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccountSteps</name>
    <message>
        <location filename="../../ui/screens/interview_steps_account.py" line="+49"/>
        <source>Consent</source>
        <translation>ការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask before anything else. Explain in a language the person understands; they may refuse, skip any question or stop at any time. The other steps open once the first question is answered.</source>
        <translation>សូមសួរមុនគេបង្អស់។ ពន្យល់ជាភាសាដែលបុគ្គលនោះយល់ ថាគាត់អាចបដិសេធ រំលងសំណួរណាមួយ ឬបញ្ឈប់នៅពេលណាក៏បាន។ ជំហានផ្សេងទៀតនឹងបើក នៅពេលសំណួរទីមួយត្រូវបានឆ្លើយ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Does the person agree to be interviewed? (A child: assent.)</source>
        <translation>តើបុគ្គលនោះយល់ព្រមឱ្យសម្ភាសន៍ឬទេ? (កុមារ៖ ការព្រមព្រៀង)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told the purpose of the interview?</source>
        <translation>បានប្រាប់ពីគោលបំណងនៃការសម្ភាសន៍ហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told how the information is and may be used?</source>
        <translation>បានប្រាប់ពីរបៀបដែលព័ត៌មាននឹងត្រូវប្រើហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Told that information without their name may be used for research?</source>
        <translation>បានប្រាប់ថាព័ត៌មានដែលគ្មានឈ្មោះអាចត្រូវប្រើសម្រាប់ការស្រាវជ្រាវហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Told they can ask for their personal data at any time?</source>
        <translation>បានប្រាប់ថាគាត់អាចស្នើសុំទិន្នន័យផ្ទាល់ខ្លួនបានគ្រប់ពេលហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told how long the data is kept?</source>
        <translation>បានប្រាប់ពីរយៈពេលរក្សាទុកទិន្នន័យហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told how to withdraw consent?</source>
        <translation>បានប្រាប់ពីរបៀបដកការយល់ព្រមវិញហើយឬនៅ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the consent and rights script to the person (F7)</source>
        <translation>បង្ហាញអត្ថបទយល់ព្រម និងសិទ្ធិ ដល់បុគ្គលនោះ (F7)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the person&apos;s own language, on the respondent screen: their answer is recorded here</source>
        <translation>ជាភាសារបស់បុគ្គលនោះ នៅលើអេក្រង់អ្នកឆ្លើយ៖ ចម្លើយរបស់គេត្រូវបានកត់ត្រានៅទីនេះ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Informed consent</source>
        <translation>ការយល់ព្រមដោយមានការជូនដំណឹង</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The person does not agree to be interviewed. Do not ask further questions. Record the refusal, then protect and refer as for anyone found in the compound.</source>
        <translation>បុគ្គលនោះមិនយល់ព្រមឱ្យសម្ភាសន៍ទេ។ កុំសួរសំណួរបន្តទៀត។ សូមកត់ត្រាការបដិសេធ រួចផ្តល់កិច្ចការពារ និងបញ្ជូនបន្ត ដូចអ្នកដទៃដែលបានរកឃើញក្នុងបរិវេណ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record that the person &amp;declined</source>
        <translation>កត់ត្រាថាបុគ្គលនោះបានបដិសេធ (&amp;D)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consent to share the information with</source>
        <translation>យល់ព្រមចែករំលែកព័ត៌មានជាមួយ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their embassy or consulate</source>
        <translation>ស្ថានទូត ឬស្ថានកុងស៊ុលរបស់គាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MoSVY / DoSVY (social affairs)</source>
        <translation>ក្រសួង/មន្ទីរសង្គមកិច្ច (MoSVY / DoSVY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An NGO or IOM</source>
        <translation>អង្គការមិនមែនរដ្ឋាភិបាល ឬ IOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The police</source>
        <translation>នគរបាល</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consent to photographs</source>
        <translation>ការយល់ព្រមឱ្យថតរូប</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portrait for identification</source>
        <translation>រូបមុខសម្រាប់កំណត់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injuries</source>
        <translation>របួស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The place (scene)</source>
        <translation>ទីកន្លែង (កន្លែងកើតហេតុ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Signature</source>
        <translation>ហត្ថលេខា</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Con&amp;sent given by</source>
        <translation>ការយល់ព្រមផ្តល់ដោយ (&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbprint</source>
        <translation>ស្នាមមេដៃ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoken (verbal)</source>
        <translation>ដោយពាក្យសម្តី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not signed</source>
        <translation>មិនបានចុះហត្ថលេខា</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Witness (name and role)</source>
        <translation>សាក្សី (ឈ្មោះ និងតួនាទី) (&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guardian or social worker assent (for a minor)</source>
        <translation>ការព្រមព្រៀងពីអាណាព្យាបាល ឬបុគ្គលិកសង្គមកិច្ច (សម្រាប់អនីតិជន) (&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name, role and agency</source>
        <translation>ឈ្មោះ តួនាទី និងស្ថាប័ន</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This person may be under 18: a guardian or a social worker must also agree, and child protection staff should take part in the interview.</source>
        <translation>បុគ្គលនេះប្រហែលជាមានអាយុក្រោម ១៨ ឆ្នាំ៖ អាណាព្យាបាល ឬបុគ្គលិកសង្គមកិច្ចក៏ត្រូវយល់ព្រមដែរ ហើយមន្ត្រីការពារកុមារគួរចូលរួមក្នុងការសម្ភាសន៍។</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Interpreter and language</source>
        <translation>អ្នកបកប្រែ និង​ភាសា</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Languages the person prefers</source>
        <translation>ភាសាដែលបុគ្គលនោះចូលចិត្ត (&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. vi, en</source>
        <translation>ឧ. vi, en</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Interview language</source>
        <translation>ភាសាសម្ភាសន៍ (&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. vi</source>
        <translation>ឧ. vi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An interpreter is nee&amp;ded</source>
        <translation>ត្រូវការអ្នកបកប្រែ (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>អ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An interpreter is &amp;present</source>
        <translation>មានអ្នកបកប្រែនៅទីនោះ (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter&apos;s na&amp;me</source>
        <translation>ឈ្មោះអ្នកបកប្រែ (&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter&apos;s a&amp;gency</source>
        <translation>ស្ថាប័នរបស់អ្នកបកប្រែ (&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language pai&amp;r</source>
        <translation>គូភាសា (&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. vi–km</source>
        <translation>ឧ. vi–km</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The interpreter is not connected to the compound or the employer (ask, do not assume)</source>
        <translation>អ្នកបកប្រែគ្មានទំនាក់ទំនងជាមួយបរិវេណ ឬនិយោជកទេ (ត្រូវសួរ កុំសន្មត)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This interpreter may be connected to the compound or the employer. Find an independent interpreter before going on.</source>
        <translation>អ្នកបកប្រែនេះអាចមានទំនាក់ទំនងជាមួយបរិវេណ ឬនិយោជក។ សូមរកអ្នកបកប្រែឯករាជ្យ មុននឹងបន្ត។</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Interview setting</source>
        <translation>បរិយាកាសសម្ភាសន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pl&amp;ace</source>
        <translation>ទីកន្លែង (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compo&amp;und</source>
        <translation>បរិវេណ (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private setting</source>
        <translation>កន្លែងឯកជន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;thers present</source>
        <translation>អ្នកផ្សេងដែលមានវត្តមាន (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already interviewed by</source>
        <translation>ធ្លាប់ត្រូវបានសម្ភាសន៍ដោយ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recruitment</source>
        <translation>ការជ្រើសរើស</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the person was recruited</source>
        <translation>របៀបដែលបុគ្គលនោះត្រូវបានជ្រើសរើស</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At a place of business</source>
        <translation>នៅកន្លែងអាជីវកម្ម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At a school or college</source>
        <translation>នៅសាលារៀន ឬមហាវិទ្យាល័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At work</source>
        <translation>នៅកន្លែងធ្វើការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through social media</source>
        <translation>តាមបណ្តាញសង្គម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through an online advertisement</source>
        <translation>តាមការផ្សាយពាណិជ្ជកម្មអនឡាញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through a television advert</source>
        <translation>តាមការផ្សាយពាណិជ្ជកម្មតាមទូរទស្សន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through a newspaper advert</source>
        <translation>តាមការផ្សាយពាណិជ្ជកម្មក្នុងកាសែត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through family</source>
        <translation>តាមរយៈគ្រួសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through friends or social events</source>
        <translation>តាមរយៈមិត្តភក្តិ ឬកម្មវិធីសង្គម</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <location line="+16"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>&amp;Date</source>
        <translation>កាលបរិច្ឆេទ (&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countr&amp;y</source>
        <translation>ប្រទេស (&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ity</source>
        <translation>ទីក្រុង (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Method</source>
        <translation>មធ្យោបាយ (&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Platform or app</source>
        <translation>វេទិកា ឬកម្មវិធី (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partner</source>
        <translation>ដៃគូ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friend</source>
        <translation>មិត្តភក្តិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>គ្រួសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other or stranger</source>
        <translation>ផ្សេងទៀត ឬជនចម្លែក</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recruiter was</source>
        <translation>អ្នកជ្រើសរើសគឺជា (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was promised</source>
        <translation>អ្វីដែលបានសន្យា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Job</source>
        <translation>ការងារ (&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employer</source>
        <translation>និយោជក (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where</source>
        <translation>នៅទីណា (&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Salary</source>
        <translation>ប្រាក់ខែ (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fees paid or debt created</source>
        <translation>ថ្លៃសេវាដែលបានបង់ ឬបំណុលដែលបានបង្កើត (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel</source>
        <translation>ការធ្វើដំណើរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trave&amp;l paid by</source>
        <translation>ថ្លៃធ្វើដំណើរបង់ដោយ (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ro&amp;ute</source>
        <translation>ផ្លូវធ្វើដំណើរ (&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Transit countries</source>
        <translation>ប្រទេសឆ្លងកាត់ (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. THA, LAO</source>
        <translation>ឧ. THA, LAO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry point into C&amp;ambodia</source>
        <translation>ច្រកចូលកម្ពុជា (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visa type or irregular entry</source>
        <translation>ប្រភេទទិដ្ឋាការ ឬការចូលខុសច្បាប់ (&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exploitation history</source>
        <translation>ប្រវត្តិ​ការកេងប្រវ័ញ្ច</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compounds, one row each (dates as YYYY-MM-DD; arrows move between cells)</source>
        <translation>បរិវេណ មួយជួរសម្រាប់មួយ (កាលបរិច្ឆេទជា YYYY-MM-DD; ព្រួញផ្លាស់ទីរវាងក្រឡា)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>នៅទីណា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>ថ្ងៃមកដល់</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Date as YYYY-MM-DD</source>
        <translation>កាលបរិច្ឆេទជា YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>ថ្ងៃចាកចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How moved or sold</source>
        <translation>របៀបផ្ទេរ ឬលក់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price or debt</source>
        <translation>តម្លៃ ឬបំណុល</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;mpounds</source>
        <translation>បរិវេណ (&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Add compound</source>
        <translation>បន្ថែមបរិវេណ (&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work</source>
        <translation>ការងារ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online scams</source>
        <translation>ការឆបោកតាមអនឡាញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online gambling</source>
        <translation>ល្បែងស៊ីសងតាមអនឡាញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money laundering</source>
        <translation>ការសម្អាតប្រាក់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexual exploitation</source>
        <translation>ការកេងប្រវ័ញ្ចផ្លូវភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domestic work</source>
        <translation>ការងារតាមផ្ទះ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type of &amp;work</source>
        <translation>ប្រភេទការងារ (&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quota or targets</source>
        <translation>កូតា ឬគោលដៅ (&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours a day</source>
        <translation>ម៉ោងក្នុងមួយថ្ងៃ (&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rest days a month</source>
        <translation>ថ្ងៃសម្រាកក្នុងមួយខែ (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pay received</source>
        <translation>ប្រាក់ឈ្នួលដែលបានទទួល (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fines</source>
        <translation>ការពិន័យ (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mon&amp;ths exploited in all</source>
        <translation>ចំនួនខែសរុបដែលត្រូវបានកេងប្រវ័ញ្ច (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rescued</source>
        <translation>ត្រូវបានជួយសង្គ្រោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escaped</source>
        <translation>រត់គេចខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>ត្រូវបានដោះលែង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ransomed</source>
        <translation>ត្រូវបានលោះ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the person &amp;left</source>
        <translation>របៀបដែលបុគ្គលនោះបានចាកចេញ (&amp;L)</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../ui/hq/accounts.py" line="+45"/>
        <source>HQ accounts</source>
        <translation>គណនីទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sees only</source>
        <translation>មើលឃើញតែ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a liaison&apos;s: VNM, CHN</source>
        <translation>សម្រាប់អ្នកសម្របសម្រួល៖ VNM, CHN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a liaison&apos;s: IOM Phnom Penh</source>
        <translation>សម្រាប់អ្នកសម្របសម្រួល៖ IOM Phnom Penh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add the account</source>
        <translation>បន្ថែមគណនី (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disable the selected account</source>
        <translation>បិទគណនីដែលបានជ្រើស (&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name</source>
        <translation>ឈ្មោះ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>តួនាទី (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationali&amp;ties (liaison)</source>
        <translation>សញ្ជាតិ (អ្នកសម្របសម្រួល) (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving &amp;bodies (liaison)</source>
        <translation>ស្ថាប័នទទួល (អ្នកសម្របសម្រួល) (&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First passphrase (hand it over in person)</source>
        <translation>ឃ្លាសម្ងាត់ដំបូង (ប្រគល់ដោយផ្ទាល់) (&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Your own passphrase (asked for every change)</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នក (សួររាល់ការផ្លាស់ប្តូរ) (&amp;Y)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>admin</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>analyst</source>
        <translation>អ្នកវិភាគ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>liaison</source>
        <translation>អ្នកសម្របសម្រួល</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type your own passphrase first: every change asks for it.</source>
        <translation>សូមវាយឃ្លាសម្ងាត់របស់អ្នកជាមុនសិន៖ រាល់ការផ្លាស់ប្តូរត្រូវការវា។</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Added {name}. Hand over their first passphrase in person.</source>
        <translation>បានបន្ថែម {name}។ សូមប្រគល់ឃ្លាសម្ងាត់ដំបូងរបស់គាត់ដោយផ្ទាល់។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the account to disable in the list first.</source>
        <translation>សូមជ្រើសគណនីដែលត្រូវបិទក្នុងបញ្ជីជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disabled {name}: their passphrase no longer opens HQ.</source>
        <translation>បានបិទ {name}៖ ឃ្លាសម្ងាត់របស់គាត់លែងបើកទីស្នាក់ការកណ្តាលបានទៀតហើយ។</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Working...</source>
        <translation>កំពុងដំណើរការ...</translation>
    </message>
</context>
<context>
    <name>AgeBox</name>
    <message>
        <location filename="../../ui/widgets/person_fields.py" line="+64"/>
        <source>not known</source>
        <translation>មិនដឹង</translation>
    </message>
</context>
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../ui/app.py" line="+53"/>
        <location line="+29"/>
        <source>fieldapp</source>
        <translation>fieldapp</translation>
    </message>
</context>
<context>
    <name>AssessmentSteps</name>
    <message>
        <location filename="../../ui/screens/interview_steps_assessment.py" line="+72"/>
        <source>Indicators</source>
        <translation>សូចនាករ</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>strong</source>
        <translation>ខ្លាំង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medium</source>
        <translation>មធ្យម</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weak</source>
        <translation>ខ្សោយ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>red flag</source>
        <translation>សញ្ញាព្រមាន</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>counts as %1</source>
        <translation>រាប់ជា %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Respondent screen (F7)</source>
        <translation>អេក្រង់អ្នកឆ្លើយ (F7)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The questions and the consent script for the person, one at a time, in their language</source>
        <translation>សំណួរ និងអត្ថបទយល់ព្រម សម្រាប់បុគ្គលនោះ ម្តងមួយ ជាភាសារបស់គេ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the rest as not asked</source>
        <translation>សម្គាល់សំណួរដែលនៅសល់ថាមិនបានសួរ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>One key answers and moves to the next question: 1 or Y present, 2 or N absent, 3 or D the person does not know, 4 or S skipped (the person chose not to answer). Press ? for help. The respondent screen (F7) shows the questions to the person in their own language.</source>
        <translation>គ្រាប់ចុចមួយឆ្លើយ ហើយទៅសំណួរបន្ទាប់៖ 1 ឬ Y មាន, 2 ឬ N គ្មាន, 3 ឬ D បុគ្គលនោះមិនដឹង, 4 ឬ S រំលង (បុគ្គលនោះជ្រើសរើសមិនឆ្លើយ)។ ចុច ? ដើម្បីមើលជំនួយ។ អេក្រង់អ្នកឆ្លើយ (F7) បង្ហាញសំណួរដល់បុគ្គលនោះជាភាសារបស់គេ។</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Also answered</source>
        <translation>បានឆ្លើយផងដែរ</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Needs and risks</source>
        <translation>តម្រូវការ និងហានិភ័យ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>សុខភាព</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Urgent medical needs</source>
        <translation>តម្រូវការព្យាបាលបន្ទាន់ (&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Injuries</source>
        <translation>របួស (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Medication</source>
        <translation>ថ្នាំ (&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pregnant</source>
        <translation>មានផ្ទៃពោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disability</source>
        <translation>ពិការភាព (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signs of distress</source>
        <translation>សញ្ញានៃវិបត្តិផ្លូវចិត្ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety</source>
        <translation>សុវត្ថិភាព</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Safety risks (threats to the person or family)</source>
        <translation>ហានិភ័យសុវត្ថិភាព (ការគំរាមកំហែងដល់បុគ្គល ឬគ្រួសារ) (&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <translation>ទាប</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>មធ្យម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>ខ្ពស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Risk of being trafficked again</source>
        <translation>ហានិភ័យនៃការត្រូវជួញដូរម្តងទៀត (&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go home</source>
        <translation>ត្រឡប់ទៅផ្ទះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact family</source>
        <translation>ទាក់ទងគ្រួសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay in Cambodia</source>
        <translation>ស្នាក់នៅកម្ពុជា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to a shelter</source>
        <translation>ទៅមណ្ឌលស្នាក់នៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not decided</source>
        <translation>មិនទាន់សម្រេច</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Food</source>
        <translation>អាហារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water</source>
        <translation>ទឹក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelter</source>
        <translation>កន្លែងស្នាក់នៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical care</source>
        <translation>ការថែទាំសុខភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embassy help</source>
        <translation>ជំនួយពីស្ថានទូត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal help</source>
        <translation>ជំនួយផ្លូវច្បាប់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clothes</source>
        <translation>សម្លៀកបំពាក់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A call to family</source>
        <translation>ការទូរស័ព្ទទៅគ្រួសារ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wishes and immediate needs</source>
        <translation>បំណង និងតម្រូវការភ្លាមៗ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The person &amp;wishes to</source>
        <translation>បុគ្គលនោះមានបំណង (&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>N&amp;eeds now</source>
        <translation>តម្រូវការឥឡូវនេះ (&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Intelligence (team leads only)</source>
        <translation>ព័ត៌មាន​ស៊ើបការណ៍ (សម្រាប់​តែ​ប្រធានក្រុម)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restricted: only team leads see or record this section. It never goes on a handover form.</source>
        <translation>ហាមឃាត់៖ មានតែប្រធានក្រុមប៉ុណ្ណោះដែលអាចមើល ឬកត់ត្រាផ្នែកនេះ។ ផ្នែកនេះមិនដែលដាក់ក្នុងលិខិតប្រគល់ឡើយ។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still inside</source>
        <translation>នៅខាងក្នុងនៅឡើយ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Others &amp;still inside</source>
        <translation>អ្នកផ្សេងទៀតនៅខាងក្នុងនៅឡើយ (&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Their n&amp;ationalities</source>
        <translation>សញ្ជាតិរបស់ពួកគេ (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. VNM, CHN</source>
        <translation>ឧ. VNM, CHN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hildren inside</source>
        <translation>កុមារនៅខាងក្នុង (&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perpetrators and evidence</source>
        <translation>ជនល្មើស និងភស្តុតាង</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recruiter</source>
        <translation>អ្នកជ្រើសរើស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broker or travel agent</source>
        <translation>ឈ្មួញកណ្តាល ឬភ្នាក់ងារទេសចរណ៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transporter</source>
        <translation>អ្នកដឹកជញ្ជូន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exploiter (boss)</source>
        <translation>អ្នកកេងប្រវ័ញ្ច (ថៅកែ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abuser</source>
        <translation>អ្នករំលោភបំពាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kidnapper</source>
        <translation>អ្នកចាប់ជំរិត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smuggler</source>
        <translation>អ្នករត់ពន្ធមនុស្ស</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+57"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or description</source>
        <translation>ឈ្មោះ ឬការពិពណ៌នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality (3 letters)</source>
        <translation>សញ្ជាតិ (អក្សរ ៣ តួ)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Perpetrators</source>
        <translation>ជនល្មើស (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd perpetrator</source>
        <translation>បន្ថែមជនល្មើស (&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evidence (seized phones, links)</source>
        <translation>ភស្តុតាង (ទូរស័ព្ទដែលបានរឹបអូស តំណភ្ជាប់) (&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assessment and finalise</source>
        <translation>ការវាយតម្លៃ និង​ការបញ្ចប់​ជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The interview</source>
        <translation>ការសម្ភាសន៍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The interview is co&amp;mplete</source>
        <translation>ការសម្ភាសន៍បានបញ្ចប់ (&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Interview notes</source>
        <translation>កំណត់ចំណាំសម្ភាសន៍ (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own assessment</source>
        <translation>ការវាយតម្លៃផ្ទាល់ខ្លួនរបស់អ្នក</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Your assessment</source>
        <translation>ការវាយតម្លៃរបស់អ្នក (&amp;Y)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reasons</source>
        <translation>មូលហេតុ (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ro&amp;le in the compound</source>
        <translation>តួនាទីក្នុងបរិវេណ (&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Possible victim</source>
        <translation>អាច​ជា​ជនរងគ្រោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified victim</source>
        <translation>ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a victim</source>
        <translation>មិនមែនជាជនរងគ្រោះ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Formal &amp;status (if decided)</source>
        <translation>ឋានៈផ្លូវការ (ប្រសិនបើបានសម្រេច) (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Police</source>
        <translation>នគរបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO</source>
        <translation>អង្គការមិនមែនរដ្ឋាភិបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court or prosecutor</source>
        <translation>តុលាការ ឬព្រះរាជអាជ្ញា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other government body</source>
        <translation>ស្ថាប័នរដ្ឋផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Decided by</source>
        <translation>សម្រេចដោយ (&amp;D)</translation>
    </message>
</context>
<context>
    <name>BandCameraDialog</name>
    <message>
        <location filename="../../ui/widgets/band_camera.py" line="+55"/>
        <source>Scan wristbands with the camera</source>
        <translation>ស្កេនខ្សែដៃដោយកាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No camera found: scan the bands with a USB scanner or type their codes in the Scan box. Check that the camera is connected and that the system lets desktop apps use it.</source>
        <translation>រកមិនឃើញកាមេរ៉ាទេ៖ សូមស្កេនខ្សែដៃដោយម៉ាស៊ីនស្កេន USB ឬវាយលេខកូដរបស់វានៅក្នុងប្រអប់ស្កេន។ សូមពិនិត្យថាកាមេរ៉ាបានភ្ជាប់ ហើយប្រព័ន្ធអនុញ្ញាតឱ្យកម្មវិធីប្រើវា។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold a wristband&apos;s QR code in front of the camera, about a hand&apos;s width away.</source>
        <translation>សូមកាន់កូដ QR នៃខ្សែដៃនៅពីមុខកាមេរ៉ា ឆ្ងាយប្រហែលមួយចំអាមដៃ។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The camera stopped: {reason}. Close and try again, or scan with a USB scanner or type the code.</source>
        <translation>កាមេរ៉ាបានឈប់៖ {reason}។ សូមបិទ ហើយព្យាយាមម្តងទៀត ឬស្កេនដោយម៉ាស៊ីនស្កេន USB ឬវាយលេខកូដ។</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A camera frame could not be read. Keep the band in view.</source>
        <translation>មិនអាចអានរូបភាពពីកាមេរ៉ាបានទេ។ សូមទុកខ្សែដៃឱ្យនៅមុខកាមេរ៉ា។</translation>
    </message>
</context>
<context>
    <name>BodyPicker</name>
    <message>
        <location filename="../../ui/widgets/body_picker.py" line="+33"/>
        <source>Shelter</source>
        <translation>មណ្ឌលស្នាក់នៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MoSVY / provincial office</source>
        <translation>ក្រសួង/មន្ទីរសង្គមកិច្ចខេត្ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO</source>
        <translation>អង្គការមិនមែនរដ្ឋាភិបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IOM</source>
        <translation>អង្គការ IOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embassy / Consulate</source>
        <translation>ស្ថានទូត / កុងស៊ុល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nationwide</source>
        <translation>ទូទាំងប្រទេស</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} places</source>
        <translation>កន្លែង {count}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Receiving bodies in HQ&apos;s directory</source>
        <translation>ស្ថាប័នទទួលក្នុងបញ្ជីរបស់ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Part of the name, in English or Khmer</source>
        <translation>ផ្នែកនៃឈ្មោះ ជាភាសាអង់គ្លេស ឬខ្មែរ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any type</source>
        <translation>គ្រប់ប្រភេទ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any province</source>
        <translation>គ្រប់ខេត្ត</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receiving bodies</source>
        <translation>ស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Search</source>
        <translation>ស្វែងរក (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type</source>
        <translation>ប្រភេទ (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Province</source>
        <translation>ខេត្ត/រាជធានី (&amp;P)</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n receiving body(ies)</source>
        <translation>
            <numerusform>ស្ថាប័នទទួល %n</numerusform>
            <numerusform>ស្ថាប័នទទួល %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundlesPage</name>
    <message>
        <location filename="../../ui/hq/bundles.py" line="+48"/>
        <source>&amp;Import bundles…</source>
        <translation>នាំចូលកញ្ចប់ទិន្នន័យ… (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check the store</source>
        <translation>ពិនិត្យឃ្លាំងទិន្នន័យ (&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every event&apos;s hash and signatures, HQ&apos;s signed decisions, and that the lists equal the logs</source>
        <translation>ពិនិត្យតម្លៃហាស និងហត្ថលេខារបស់ព្រឹត្តិការណ៍នីមួយៗ ការសម្រេចចិត្តដែលមានហត្ថលេខារបស់ទីស្នាក់ការកណ្តាល ហើយថាបញ្ជីទាំងអស់ស្របនឹងកំណត់ហេតុ</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+3"/>
        <source>Laptop</source>
        <translation>កុំព្យូទ័រយួរដៃ</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Events</source>
        <translation>ព្រឹត្តិការណ៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New events</source>
        <translation>ព្រឹត្តិការណ៍ថ្មី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported at</source>
        <translation>បាននាំចូលនៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events held</source>
        <translation>ព្រឹត្តិការណ៍ដែលមាន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing (gaps)</source>
        <translation>ខ្វះ (ចន្លោះ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>ពេលណា</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>អ្វី</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Events held per laptop</source>
        <translation>ព្រឹត្តិការណ៍ដែលមាន តាមកុំព្យូទ័រយួរដៃនីមួយៗ</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>none</source>
        <translation>គ្មាន</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Alarms: %n</source>
        <translation>
            <numerusform>ការព្រមាន៖ %n</numerusform>
            <numerusform>ការព្រមាន៖ %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import bundles</source>
        <translation>នាំចូលកញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bundles (*.bundle *.bundle.*);;All files (*)</source>
        <translation>កញ្ចប់ទិន្នន័យ (*.bundle *.bundle.*);;ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importing…</source>
        <translation>កំពុងនាំចូល…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importing bundles</source>
        <translation>កំពុងនាំចូលកញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No bundle was imported.</source>
        <translation>គ្មានកញ្ចប់ទិន្នន័យណាមួយត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking the store…</source>
        <translation>កំពុងពិនិត្យឃ្លាំងទិន្នន័យ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the store</source>
        <translation>កំពុងពិនិត្យឃ្លាំងទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{events} events and {decisions} HQ decisions checked</source>
        <translation>បានពិនិត្យព្រឹត្តិការណ៍ {events} និងការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {decisions}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check cancelled.</source>
        <translation>ការពិនិត្យត្រូវបានបោះបង់។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{counts}: no problems. Every signature checks out and the lists equal the logs.</source>
        <translation>{counts}៖ គ្មានបញ្ហាទេ។ ហត្ថលេខាទាំងអស់ត្រឹមត្រូវ ហើយបញ្ជីទាំងអស់ស្របនឹងកំណត់ហេតុ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{counts}: {n} problem(s), the store may have been altered: {problems}</source>
        <translation>{counts}៖ មានបញ្ហា {n} ឃ្លាំងទិន្នន័យប្រហែលជាត្រូវបានកែប្រែ៖ {problems}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing events</source>
        <translation>ព្រឹត្តិការណ៍ដែលបាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundle refused</source>
        <translation>កញ្ចប់ទិន្នន័យត្រូវបានបដិសេធ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked officer</source>
        <translation>មន្ត្រីដែលបានដកសិទ្ធិ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Laptop {laptop} is waiting for approval. Compare its fingerprint {fingerprint} with the one the laptop shows in its Sync dialog, approve it in the Devices tab, then import this bundle again.</source>
        <translation>កុំព្យូទ័រ {laptop} កំពុងរង់ចាំការអនុម័ត។ សូមប្រៀបធៀបស្នាមម្រាមដៃ {fingerprint} របស់វាជាមួយស្នាមម្រាមដៃដែលកុំព្យូទ័របង្ហាញក្នុងប្រអប់ធ្វើសមកាលកម្មរបស់វា អនុម័តវានៅក្នុងផ្ទាំងឧបករណ៍ បន្ទាប់មកនាំចូលកញ្ចប់នេះម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: NOT imported. {why}</source>
        <translation>{name}៖ មិនបាននាំចូលទេ។ {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: imported from {laptop}: events {first}–{last}, {new} new, {held} already held. Receipt written: {receipt}</source>
        <translation>{name}៖ បាននាំចូលពី {laptop}៖ ព្រឹត្តិការណ៍ {first}–{last}, ថ្មី {new}, មានរួចហើយ {held}។ បានសរសេរបង្កាន់ដៃ៖ {receipt}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gap: {gap}</source>
        <translation>ចន្លោះ៖ {gap}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alarm: {alarm}</source>
        <translation>ការព្រមាន៖ {alarm}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change(s) made on two laptops at once wait in the review queue.</source>
        <translation>
            <numerusform>ការផ្លាស់ប្តូរ %n ដែលធ្វើលើកុំព្យូទ័រយួរដៃពីរក្នុងពេលតែមួយ កំពុងរង់ចាំក្នុងជួរពិនិត្យឡើងវិញ។</numerusform>
            <numerusform>ការផ្លាស់ប្តូរ %n ដែលធ្វើលើកុំព្យូទ័រយួរដៃពីរក្នុងពេលតែមួយ កំពុងរង់ចាំក្នុងជួរពិនិត្យឡើងវិញ។</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/widgets/photo_camera.py" line="+186"/>
        <source>Take photo</source>
        <translation>ថតរូប</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Take photo</source>
        <translation>ថតរូប (&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The photo could not be taken. Try again.</source>
        <translation>មិនអាចថតរូបបានទេ។ សូមព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The photo could not be taken: {reason}</source>
        <translation>មិនអាចថតរូបបានទេ៖ {reason}</translation>
    </message>
</context>
<context>
    <name>CameraPreviewDialog</name>
    <message>
        <location line="-151"/>
        <location line="+5"/>
        <source>Camera</source>
        <translation>កាមេរ៉ា</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Starting the camera…</source>
        <translation>កំពុងបើកកាមេរ៉ា…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No camera found. Check that it is connected and that the system lets desktop apps use the camera, or import photos from files.</source>
        <translation>រកមិនឃើញកាមេរ៉ាទេ។ សូមពិនិត្យថាកាមេរ៉ាបានភ្ជាប់ ហើយប្រព័ន្ធអនុញ្ញាតឱ្យកម្មវិធីប្រើកាមេរ៉ា ឬនាំចូលរូបថតពីឯកសារ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold still; the picture settles after a moment.</source>
        <translation>សូមនៅឱ្យនឹង រូបភាពនឹងច្បាស់ក្នុងពេលបន្តិចទៀត។</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The camera stopped: {reason}. Close and try again, or import photos from files.</source>
        <translation>កាមេរ៉ាបានឈប់៖ {reason}។ សូមបិទ ហើយព្យាយាមម្តងទៀត ឬនាំចូលរូបថតពីឯកសារ។</translation>
    </message>
</context>
<context>
    <name>CardPickerDialog</name>
    <message>
        <location filename="../../ui/widgets/card_picker.py" line="+33"/>
        <source>Photos on the camera card</source>
        <translation>រូបថតនៅលើកាតកាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick this person&apos;s photos (Space ticks the selected one). The others stay on the card for the next person.</source>
        <translation>គូសធីករូបថតរបស់បុគ្គលនេះ (ចុច Space ដើម្បីគូសរូបដែលបានជ្រើស)។ រូបផ្សេងទៀតនៅលើកាតសម្រាប់បុគ្គលបន្ទាប់។</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tick all &amp;new</source>
        <translation>គូសរូបថ្មីទាំងអស់ (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Untick all</source>
        <translation>ដកការគូសទាំងអស់ (&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import the ticked photos</source>
        <translation>នាំចូលរូបថតដែលបានគូស (&amp;I)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot be imported</source>
        <translation>មិនអាចនាំចូលបាន</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>already in the vault</source>
        <translation>មាននៅក្នុងឃ្លាំងទិន្នន័យរួចហើយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This photo is already attached to a person.</source>
        <translation>រូបថតនេះត្រូវបានភ្ជាប់ទៅបុគ្គលម្នាក់រួចហើយ។</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 ticked</source>
        <translation>បានគូស %1</translation>
    </message>
</context>
<context>
    <name>ChildAlert</name>
    <message>
        <location filename="../../ui/widgets/child_alert.py" line="+28"/>
        <source>Possibly a child (under 18, or the age is uncertain): screen with the child questions, refer to child protection (MoSVY) and keep the child with a social worker.</source>
        <translation>ប្រហែលជាកុមារ (អាយុក្រោម ១៨ ឆ្នាំ ឬអាយុមិនប្រាកដ)៖ ពិនិត្យដោយប្រើសំណួរសម្រាប់កុមារ បញ្ជូនទៅការការពារកុមារ (ក្រសួងសង្គមកិច្ច MoSVY) ហើយទុកកុមារនៅជាមួយបុគ្គលិកសង្គមកិច្ច។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Child alert</source>
        <translation>ការជូនដំណឹងអំពីកុមារ</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="+116"/>
        <source>fieldapp: unexpected error</source>
        <translation>fieldapp៖ កំហុសដែលមិនបានរំពឹងទុក</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong that fieldapp did not expect. Your saved records are safe. If this keeps happening, copy the details and give them to your team lead.</source>
        <translation>មានបញ្ហាដែល fieldapp មិនបានរំពឹងទុក។ កំណត់ត្រាដែលបានរក្សាទុករួចនៅតែមានសុវត្ថិភាព។ ប្រសិនបើបញ្ហានេះកើតឡើងម្តងហើយម្តងទៀត សូមចម្លងព័ត៌មានលម្អិត ហើយប្រគល់ជូនប្រធានក្រុមរបស់អ្នក។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy details</source>
        <translation>ចម្លងព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show details</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/hq/dashboard.py" line="+76"/>
        <source>All operations</source>
        <translation>ប្រតិបត្តិការទាំងអស់</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;PNG…</source>
        <translation>នាំចេញ PNG… (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export P&amp;DF…</source>
        <translation>នាំចេញ PDF… (&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to be notified to their embassy</source>
        <translation>កំពុងរង់ចាំការជូនដំណឹងទៅស្ថានទូតរបស់ខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notified</source>
        <translation>បានជូនដំណឹង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median hours to notification</source>
        <translation>ម៉ោងមធ្យមរហូតដល់ការជូនដំណឹង</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The persons counted here who consented to sharing with their embassy, not protected by a “do not notify” flag (also in the exported PNG and PDF)</source>
        <translation>បុគ្គលដែលបានរាប់នៅទីនេះ ដែលបានយល់ព្រមចែករំលែកជាមួយស្ថានទូតរបស់ខ្លួន ហើយមិនត្រូវបានការពារដោយសញ្ញា “កុំជូនដំណឹង” (មាននៅក្នុង PNG និង PDF ដែលបាននាំចេញផងដែរ)</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n person(s) counted</source>
        <translation>
            <numerusform>បានរាប់បុគ្គល %n នាក់</numerusform>
            <numerusform>បានរាប់បុគ្គល %n នាក់</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>PNG image (*.png)</source>
        <translation>រូបភាព PNG (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF document (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the dashboard</source>
        <translation>នាំចេញផ្ទាំងព័ត៌មាន</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Purpose of the export</source>
        <translation>គោលបំណងនៃការនាំចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the dashboard exported? (recorded in the disclosure log)</source>
        <translation>ហេតុអ្វីបានជានាំចេញផ្ទាំងសង្ខេប? (កត់ត្រាក្នុងបញ្ជីបើកចំហព័ត៌មាន)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The dashboard could not be written to {path}: {why}</source>
        <translation>មិនអាចសរសេរផ្ទាំងព័ត៌មានទៅ {path} បានទេ៖ {why}</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Dashboard written to {path}</source>
        <translation>បានសរសេរផ្ទាំងព័ត៌មានទៅ {path}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/hq/devices.py" line="+36"/>
        <source>Laptop</source>
        <translation>កុំព្យូទ័រយួរដៃ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key fingerprint</source>
        <translation>ស្នាមម្រាមដៃនៃសោ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen</source>
        <translation>ឃើញលើកដំបូង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles</source>
        <translation>កញ្ចប់ទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officers seen</source>
        <translation>មន្ត្រីដែលបានឃើញ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Approve…</source>
        <translation>អនុម័ត… (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke…</source>
        <translation>ដកសិទ្ធិ… (&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Officer</source>
        <translation>មន្ត្រី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On the laptop</source>
        <translation>នៅលើកុំព្យូទ័រយួរដៃ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HQ</source>
        <translation>ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke &amp;officer…</source>
        <translation>ដកសិទ្ធិមន្ត្រី… (&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Officers of this laptop</source>
        <translation>មន្ត្រីនៃកុំព្យូទ័រយួរដៃនេះ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>waiting for approval</source>
        <translation>កំពុងរង់ចាំការអនុម័ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>បានអនុម័ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked</source>
        <translation>បានដកសិទ្ធិ</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{status} by {analyst}: {reason}</source>
        <translation>{status} ដោយ {analyst}៖ {reason}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>បានផ្អាក</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revoked on {date}: {reason}</source>
        <translation>បានដកសិទ្ធិនៅថ្ងៃ {date}៖ {reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Approve this laptop?</source>
        <translation>អនុម័តកុំព្យូទ័រយួរដៃនេះ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve {laptop}? Its bundles will be imported from now on.

Compare this fingerprint with the one the laptop shows (ask its officer to read it out):

{fingerprint}</source>
        <translation>អនុម័ត {laptop}? កញ្ចប់ទិន្នន័យរបស់វានឹងត្រូវនាំចូលចាប់ពីពេលនេះតទៅ។

សូមប្រៀបធៀបស្នាមម្រាមដៃនេះ ជាមួយស្នាមម្រាមដៃដែលកុំព្យូទ័រយួរដៃបង្ហាញ (សុំឱ្យមន្ត្រីរបស់វាអានឱ្យឮ)៖

{fingerprint}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Revoke {laptop}? Its bundles will be refused from now on, and it cannot be approved again (the laptop must be enrolled again with a new vault).

Fingerprint:

{fingerprint}

Why?</source>
        <translation>ដកសិទ្ធិ {laptop}? កញ្ចប់ទិន្នន័យរបស់វានឹងត្រូវបដិសេធចាប់ពីពេលនេះតទៅ ហើយវាមិនអាចត្រូវបានអនុម័តម្តងទៀតបានទេ (កុំព្យូទ័រយួរដៃត្រូវចុះឈ្មោះម្តងទៀតជាមួយឃ្លាំងទិន្នន័យថ្មី)។

ស្នាមម្រាមដៃ៖

{fingerprint}

ហេតុអ្វី?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revoke this laptop?</source>
        <translation>ដកសិទ្ធិកុំព្យូទ័រយួរដៃនេះ?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{laptop} is now {status}.</source>
        <translation>{laptop} ឥឡូវ {status}។</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revoke {officer} of {laptop} at HQ? This cannot be undone.

Their work that arrives from now on is imported with an alarm. Ask the laptop&apos;s admin to disable them there too.

Why?</source>
        <translation>ដកសិទ្ធិមន្ត្រី {officer} នៃ {laptop} នៅទីស្នាក់ការកណ្តាល? សកម្មភាពនេះមិនអាចត្រឡប់វិញបានទេ។

ការងាររបស់គាត់ដែលមកដល់ចាប់ពីពេលនេះតទៅ នឹងត្រូវនាំចូលជាមួយការព្រមាន។ សូមសុំឱ្យអ្នកគ្រប់គ្រងកុំព្យូទ័រយួរដៃផ្អាកគាត់នៅទីនោះផងដែរ។

ហេតុអ្វី?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revoke this officer?</source>
        <translation>ដកសិទ្ធិមន្ត្រីនេះ?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{officer} is now revoked at HQ; their later work will raise an alarm.</source>
        <translation>មន្ត្រី {officer} ឥឡូវត្រូវបានដកសិទ្ធិនៅទីស្នាក់ការកណ្តាល ការងារក្រោយៗរបស់គាត់នឹងបង្កការព្រមាន។</translation>
    </message>
</context>
<context>
    <name>DisclosuresPage</name>
    <message>
        <location filename="../../ui/hq/disclosures.py" line="+48"/>
        <source>Person id or temporary id</source>
        <translation>លេខសម្គាល់បុគ្គល ឬលេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any account</source>
        <translation>គ្រប់គណនី</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Viewed</source>
        <translation>បានមើល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>បាននាំចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>បានបោះពុម្ព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unencrypted copy</source>
        <translation>ច្បាប់ចម្លងមិនអ៊ិនគ្រីប</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form issued</source>
        <translation>បានចេញទម្រង់</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person&apos;s record</source>
        <translation>កំណត់ត្រារបស់បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover form</source>
        <translation>ទម្រង់ប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft handover form</source>
        <translation>សេចក្តីព្រាងទម្រង់ប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s copy</source>
        <translation>ច្បាប់ចម្លងរបស់បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifest</source>
        <translation>បញ្ជីឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manifest by receiving body</source>
        <translation>បញ្ជីឈ្មោះតាមស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All handover forms</source>
        <translation>ទម្រង់ប្រគល់ទាំងអស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wristbands</source>
        <translation>ខ្សែដៃ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody lost</source>
        <translation>គ្មាននរណាម្នាក់បាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embassy notification list</source>
        <translation>បញ្ជីជូនដំណឹងស្ថានទូត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CTDC export</source>
        <translation>ការនាំចេញ CTDC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTCDS export</source>
        <translation>ការនាំចេញ HTCDS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner package</source>
        <translation>កញ្ចប់សម្រាប់ដៃគូ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner package, not encrypted</source>
        <translation>កញ្ចប់សម្រាប់ដៃគូ មិនបានអ៊ិនគ្រីប</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard (PNG)</source>
        <translation>ផ្ទាំងព័ត៌មាន (PNG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard (PDF)</source>
        <translation>ផ្ទាំងព័ត៌មាន (PDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any kind</source>
        <translation>គ្រប់ប្រភេទ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Any time</source>
        <translation>គ្រប់ពេល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>២៤ ម៉ោងចុងក្រោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>៧ ថ្ងៃចុងក្រោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>៣០ ថ្ងៃចុងក្រោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>១២ ខែចុងក្រោយ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save as C&amp;SV…</source>
        <translation>រក្សាទុកជា CSV… (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When (UTC)</source>
        <translation>ពេលវេលា (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>ទីកន្លែង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>អ្វី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>នរណា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>គោលបំណង</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disclosures</source>
        <translation>ការបើកចំហព័ត៌មាន</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;erson:</source>
        <translation>បុគ្គល៖ (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acco&amp;unt:</source>
        <translation>គណនី៖ (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>ប្រភេទ៖ (&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peri&amp;od:</source>
        <translation>រយៈពេល៖ (&amp;O)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>HQ</source>
        <translation>ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n disclosure(s)</source>
        <translation>
            <numerusform>ការបើកចំហព័ត៌មាន %n</numerusform>
            <numerusform>ការបើកចំហព័ត៌មាន %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{first} and {more} more</source>
        <translation>{first} និង {more} ទៀត</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the disclosures</source>
        <translation>រក្សាទុកការបើកចំហព័ត៌មាន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>ឯកសារ CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} disclosures saved to {path}</source>
        <translation>បានរក្សាទុកការបើកចំហព័ត៌មាន {count} ទៅ {path}</translation>
    </message>
</context>
<context>
    <name>DocumentTypeChoice</name>
    <message>
        <location filename="../../ui/widgets/person_fields.py" line="+97"/>
        <source>Choose, or type another kind</source>
        <translation>ជ្រើសរើស ឬវាយប្រភេទផ្សេងទៀត</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../ui/screens/drafts.py" line="+18"/>
        <source>Continue the draft &amp;screening (step %1 of %2)</source>
        <translation>បន្តការពិនិត្យដែលជាសេចក្តីព្រាង (ជំហានទី %1 នៃ %2) (&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step %1 of %2</source>
        <translation>ជំហានទី %1 នៃ %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Screen again</source>
        <translation>ពិនិត្យម្តងទៀត (&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Screen this person</source>
        <translation>ពិនិត្យកំណត់អត្តសញ្ញាណបុគ្គលនេះ (&amp;S)</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../ui/hq/duplicates.py" line="+204"/>
        <source>&amp;Find duplicates</source>
        <translation>ស្វែងរកកំណត់ត្រាស្ទួន (&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Person A</source>
        <translation>បុគ្គល A</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Person B</source>
        <translation>បុគ្គល B</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Settings…</source>
        <translation>ការកំណត់… (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Match probability</source>
        <translation>ប្រូបាប៊ីលីតេនៃការផ្គូផ្គង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>ភស្តុតាង</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Link: the same person…</source>
        <translation>ភ្ជាប់៖ បុគ្គលតែមួយ… (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the same person…</source>
        <translation>មិនមែនបុគ្គលតែមួយទេ… (&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept record</source>
        <translation>កំណត់ត្រាដែលរក្សាទុក</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged into it</source>
        <translation>បានបញ្ចូលទៅក្នុងវា</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Linked at</source>
        <translation>បានភ្ជាប់នៅ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlink…</source>
        <translation>ផ្តាច់… (&amp;U)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Linked persons</source>
        <translation>បុគ្គលដែលបានភ្ជាប់</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Looking for persons recorded twice…</source>
        <translation>កំពុងស្វែងរកបុគ្គលដែលត្រូវបានកត់ត្រាពីរដង…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding duplicates</source>
        <translation>កំពុងស្វែងរកកំណត់ត្រាស្ទួន</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n possible duplicate(s), highest score first. Nothing is merged until you link.</source>
        <translation>
            <numerusform>កំណត់ត្រាដែលអាចស្ទួន %n ពិន្ទុខ្ពស់បំផុតមុនគេ។ គ្មានអ្វីត្រូវបានបញ្ចូលគ្នាទេ រហូតដល់អ្នកភ្ជាប់។</numerusform>
            <numerusform>កំណត់ត្រាដែលអាចស្ទួន %n ពិន្ទុខ្ពស់បំផុតមុនគេ។ គ្មានអ្វីត្រូវបានបញ្ចូលគ្នាទេ រហូតដល់អ្នកភ្ជាប់។</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{probability} (likely)</source>
        <translation>{probability} (ទំនងជាមនុស្សតែមួយ)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Pairs are proposed from a match probability of {propose}; likely from {likely}.</source>
        <translation>គូត្រូវបានស្នើចាប់ពីប្រូបាប៊ីលីតេនៃការផ្គូផ្គង {propose}; ទំនងជាមនុស្សតែមួយចាប់ពី {likely}។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>linked</source>
        <translation>បានភ្ជាប់</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unlinked</source>
        <translation>បានផ្តាច់</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Match probability {probability}: {reasons}</source>
        <translation>ប្រូបាប៊ីលីតេនៃការផ្គូផ្គង {probability}៖ {reasons}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unlink</source>
        <translation>ផ្តាច់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why are these two records not the same person after all?</source>
        <translation>ហេតុអ្វីបានជាកំណត់ត្រាទាំងពីរនេះ មិនមែនជាបុគ្គលតែមួយទៅវិញ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link: the same person</source>
        <translation>ភ្ជាប់៖ បុគ្គលតែមួយ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{a} and {b} will count as one person (Unlink undoes it). Why are they the same person?</source>
        <translation>{a} និង {b} នឹងត្រូវរាប់ជាបុគ្គលតែមួយ (ផ្តាច់ ដើម្បីលុបចោលវិញ)។ ហេតុអ្វីបានជាពួកគេជាបុគ្គលតែមួយ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not the same person</source>
        <translation>មិនមែនបុគ្គលតែមួយទេ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why are {a} and {b} different people? This pair will not be proposed again.</source>
        <translation>ហេតុអ្វីបានជា {a} និង {b} ជាមនុស្សផ្សេងគ្នា? គូនេះនឹងមិនត្រូវបានស្នើម្តងទៀតទេ។</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Linked: {a} and {b} now count as one person.</source>
        <translation>បានភ្ជាប់៖ {a} និង {b} ឥឡូវត្រូវបានរាប់ជាបុគ្គលតែមួយ។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Noted: {a} and {b} are different people.</source>
        <translation>បានកត់ត្រា៖ {a} និង {b} ជាមនុស្សផ្សេងគ្នា។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlinked: both records count on their own again.</source>
        <translation>បានផ្តាច់៖ កំណត់ត្រាទាំងពីរត្រូវបានរាប់ដាច់ដោយឡែកវិញ។</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/screens/trust.py" line="+45"/>
        <source>Enrol this laptop with HQ</source>
        <translation>ចុះឈ្មោះកុំព្យូទ័រនេះជាមួយទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The fingerprint as HQ gave it to you</source>
        <translation>ស្នាមម្រាមដៃ ដូចដែលទីស្នាក់ការកណ្តាលបានផ្តល់ឱ្យអ្នក</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrol</source>
        <translation>ចុះឈ្មោះ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ key fingerprint in the file:</source>
        <translation>ស្នាមម្រាមដៃនៃសោទីស្នាក់ការកណ្តាលក្នុងឯកសារ៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint HQ gave you:</source>
        <translation>ស្នាមម្រាមដៃដែលទីស្នាក់ការកណ្តាលបានផ្តល់ឱ្យអ្នក៖</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>First enrolment with {hq}. Compare HQ&apos;s key fingerprint below with the one HQ gave you by phone or on paper (not in the same message as the file), and type that one here. If they differ, do not enrol: the file may be forged.</source>
        <translation>ការចុះឈ្មោះលើកដំបូងជាមួយ {hq}។ សូមប្រៀបធៀបស្នាមម្រាមដៃនៃសោទីស្នាក់ការកណ្តាលខាងក្រោម ជាមួយស្នាមម្រាមដៃដែលទីស្នាក់ការកណ្តាលបានផ្តល់ឱ្យអ្នកតាមទូរស័ព្ទ ឬលើក្រដាស (មិនមែនក្នុងសារតែមួយជាមួយឯកសារទេ) ហើយវាយស្នាមម្រាមដៃនោះនៅទីនេះ។ ប្រសិនបើវាខុសគ្នា កុំចុះឈ្មោះ៖ ឯកសារអាចជាការក្លែងបន្លំ។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This laptop already trusts HQ&apos;s key: the file is checked against it.</source>
        <translation>កុំព្យូទ័រនេះទុកចិត្តសោរបស់ទីស្នាក់ការកណ្តាលរួចហើយ៖ ឯកសារត្រូវបានពិនិត្យផ្ទៀងផ្ទាត់ជាមួយសោនោះ។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the fingerprint HQ gave you first.</source>
        <translation>សូមវាយស្នាមម្រាមដៃដែលទីស្នាក់ការកណ្តាលបានផ្តល់ឱ្យអ្នកជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enrolled with {hq}.</source>
        <translation>បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាល {hq}។</translation>
    </message>
</context>
<context>
    <name>FinaliseBox</name>
    <message>
        <location filename="../../ui/screens/interview_finalise.py" line="+32"/>
        <source>Finalise</source>
        <translation>បញ្ចប់ជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When the interview is over, a team lead finalises the screening with their passphrase. After that it can only be amended, with a reason.</source>
        <translation>នៅពេលការសម្ភាសន៍ចប់ ប្រធានក្រុមបញ្ចប់ការពិនិត្យជាស្ថាពរដោយប្រើឃ្លាសម្ងាត់របស់ខ្លួន។ បន្ទាប់ពីនោះ អាចត្រឹមតែកែតម្រូវ ដោយមានមូលហេតុប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Finalise…</source>
        <translation>បញ្ចប់ជាស្ថាពរ… (&amp;F)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Only a team lead can finalise a screening.</source>
        <translation>មានតែប្រធានក្រុមប៉ុណ្ណោះដែលអាចបញ្ចប់ការពិនិត្យជាស្ថាពរបាន។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This screening is final.</source>
        <translation>ការពិនិត្យនេះបានបញ្ចប់ជាស្ថាពរហើយ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign the screening with your passphrase</source>
        <translation>ចុះហត្ថលេខាលើការពិនិត្យដោយឃ្លាសម្ងាត់របស់អ្នក</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correct the marked fields first.</source>
        <translation>សូមកែប្រអប់ដែលបានសម្គាល់ជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing has been recorded yet.</source>
        <translation>មិនទាន់មានអ្វីត្រូវបានកត់ត្រានៅឡើយទេ។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the record…</source>
        <translation>កំពុងពិនិត្យកំណត់ត្រា…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Checking the passphrase…</source>
        <translation>កំពុងពិនិត្យឃ្លាសម្ងាត់…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finalised.</source>
        <translation>បានបញ្ចប់ជាស្ថាពរ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finalising failed.</source>
        <translation>ការបញ្ចប់ជាស្ថាពរបានបរាជ័យ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not finalised: %1</source>
        <translation>មិនបានបញ្ចប់ជាស្ថាពរ៖ %1</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../ui/hq/followup.py" line="+41"/>
        <source>In shelter</source>
        <translation>នៅក្នុងជម្រក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repatriated</source>
        <translation>បានធ្វើមាតុភូមិនិវត្តន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>សាក្សី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution</source>
        <translation>ការចោទប្រកាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation claimed</source>
        <translation>បានទាមទារសំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation received</source>
        <translation>បានទទួលសំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-trafficked</source>
        <translation>ត្រូវបានជួញដូរម្តងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over, no status yet</source>
        <translation>បានប្រគល់ មិនទាន់មានស្ថានភាព</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every person followed</source>
        <translation>បុគ្គលទាំងអស់ដែលកំពុងតាមដាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due: no update for 30 days or more</source>
        <translation>ដល់ពេល៖ គ្មានការធ្វើបច្ចុប្បន្នភាព ៣០ ថ្ងៃ ឬលើសពីនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due: no update for 90 days or more</source>
        <translation>ដល់ពេល៖ គ្មានការធ្វើបច្ចុប្បន្នភាព ៩០ ថ្ងៃ ឬលើសពីនេះ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sho&amp;w:</source>
        <translation>បង្ហាញ៖ (&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Temporary id</source>
        <translation>លេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case status now</source>
        <translation>ស្ថានភាពករណីឥឡូវ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>តាំងពី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since update</source>
        <translation>ថ្ងៃគ្មានបច្ចុប្បន្នភាព</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Persons followed</source>
        <translation>បុគ្គលដែលកំពុងតាមដាន</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+98"/>
        <source>Select a person in the list.</source>
        <translation>ជ្រើសរើសបុគ្គលម្នាក់ក្នុងបញ្ជី។</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By air</source>
        <translation>តាមផ្លូវអាកាស</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By land</source>
        <translation>តាមផ្លូវគោក</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By sea</source>
        <translation>តាមផ្លូវសមុទ្រ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Border checkpoint or airport (optional)</source>
        <translation>ច្រកព្រំដែន ឬអាកាសយានដ្ឋាន (ស្រេចចិត្ត)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new case&apos;s person id at HQ (optional)</source>
        <translation>លេខសម្គាល់បុគ្គលនៃករណីថ្មីនៅទីស្នាក់ការកណ្តាល (ស្រេចចិត្ត)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional; kept at HQ, never exported</source>
        <translation>ស្រេចចិត្ត; រក្សាទុកនៅទីស្នាក់ការកណ្តាល មិនដែលនាំចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record status</source>
        <translation>កត់ត្រាស្ថានភាព (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person:</source>
        <translation>បុគ្គល៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>ស្ថានភាព៖ (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date it took effect:</source>
        <translation>កាលបរិច្ឆេទមានប្រសិទ្ធភាព៖ (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rou&amp;te home:</source>
        <translation>ផ្លូវត្រឡប់ទៅផ្ទះ៖ (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Crossing point:</source>
        <translation>ច្រកឆ្លងកាត់៖ (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case:</source>
        <translation>ករណីថ្មី៖ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>កំណត់សម្គាល់៖ (&amp;O)</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>បុគ្គល %n នាក់</numerusform>
            <numerusform>បុគ្គល %n នាក់</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <source>%n person(s); the {shown} longest without an update are listed</source>
        <translation>
            <numerusform>បុគ្គល %n នាក់; បង្ហាញ {shown} នាក់ដែលយូរជាងគេគ្មានការធ្វើបច្ចុប្បន្នភាព</numerusform>
            <numerusform>បុគ្គល %n នាក់; បង្ហាញ {shown} នាក់ដែលយូរជាងគេគ្មានការធ្វើបច្ចុប្បន្នភាព</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No status recorded yet.</source>
        <translation>មិនទាន់មានស្ថានភាពត្រូវបានកត់ត្រានៅឡើយទេ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{date}: {status} (by {analyst})</source>
        <translation>{date}៖ {status} (ដោយ {analyst})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new case {person_id}</source>
        <translation>ករណីថ្មី {person_id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History:</source>
        <translation>ប្រវត្តិ៖</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Recorded: {status} from {date} (HQ decision {seq}).</source>
        <translation>បានកត់ត្រា៖ {status} ចាប់ពី {date} (សេចក្តីសម្រេចរបស់ទីស្នាក់ការកណ្តាលលេខ {seq})។</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/screens/handover.py" line="+77"/>
        <location line="+67"/>
        <source>Hand over</source>
        <translation>ប្រគល់</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Type your passphrase to sign the handover. It cannot be undone, only amended.</source>
        <translation>វាយឃ្លាសម្ងាត់របស់អ្នក ដើម្បីចុះហត្ថលេខាលើការប្រគល់។ មិនអាចលុបចោលវិញបានទេ អាចតែកែតម្រូវប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Consent missing</source>
        <translation>ខ្វះការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To hand over anyway, write why (it is signed with the handover and printed on every copy of the form). Otherwise cancel.</source>
        <translation>ដើម្បីប្រគល់ទោះយ៉ាងណាក៏ដោយ សូមសរសេរហេតុផល (វានឹងត្រូវចុះហត្ថលេខាជាមួយការប្រគល់ ហើយបោះពុម្ពលើច្បាប់ចម្លងនីមួយៗនៃទម្រង់)។ បើមិនដូច្នោះទេ សូមបោះបង់។</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Fields in yellow were filled in from what was already recorded (the operation, the intake, the screening). Check each one with the person and change what is wrong.</source>
        <translation>ប្រអប់ពណ៌លឿងត្រូវបានបំពេញពីអ្វីដែលបានកត់ត្រារួចហើយ (ប្រតិបត្តិការ ការចុះឈ្មោះ ការពិនិត្យ)។ សូមផ្ទៀងផ្ទាត់ប្រអប់នីមួយៗជាមួយសាមីខ្លួន ហើយកែអ្វីដែលខុស។</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Save draft</source>
        <translation>រក្សាទុកសេចក្តីព្រាង (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hand over…</source>
        <translation>ប្រគល់… (&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a team lead can hand a person over. You can fill in and save the draft.</source>
        <translation>មានតែប្រធានក្រុមទេ ដែលអាចប្រគល់បុគ្គលម្នាក់បាន។ អ្នកអាចបំពេញ និងរក្សាទុកសេចក្តីព្រាងបាន។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;view…</source>
        <translation>មើលជាមុន… (&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>រក្សាទុកជា PDF… (&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referral stat&amp;us…</source>
        <translation>ស្ថានភាពការបញ្ជូន… (&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that the receiving body received or refused the person (their officer signs here)</source>
        <translation>កត់ត្រាថាស្ថាប័នទទួលបានទទួល ឬបដិសេធបុគ្គលនោះ (មន្ត្រីរបស់ពួកគេចុះហត្ថលេខានៅទីនេះ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>New handover: it is saved as a draft as soon as you type.</source>
        <translation>ការប្រគល់ថ្មី៖ វានឹងត្រូវរក្សាទុកជាសេចក្តីព្រាង ភ្លាមៗពេលអ្នកវាយ។</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{reference}: handed over, version {version}. The form is kept in the vault.</source>
        <translation>{reference}៖ បានប្រគល់ហើយ កំណែ {version}។ ទម្រង់ត្រូវបានរក្សាទុកក្នុងឃ្លាំងទិន្នន័យ។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reference}: draft, saved.</source>
        <translation>{reference}៖ សេចក្តីព្រាង បានរក្សាទុក។</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Still needed before handing over: {needs}.</source>
        <translation>ត្រូវការនៅឡើយ មុនពេលប្រគល់៖ {needs}។</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Kept together?</source>
        <translation>ត្រូវនៅជាមួយគ្នាឬទេ?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hand over all the same</source>
        <translation>ប្រគល់ទោះយ៉ាងណាក៏ដោយ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Handing over and printing the form into the vault…</source>
        <translation>កំពុងប្រគល់ និងបង្កើតទម្រង់ទុកក្នុងឃ្លាំងទិន្នន័យ…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Handover form {reference}, version {version}</source>
        <translation>ទម្រង់ប្រគល់ {reference} កំណែ {version}</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <location filename="../../ui/screens/handover_form.py" line="+103"/>
        <source>— choose —</source>
        <translation>— ជ្រើសរើស —</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not asked yet</source>
        <translation>មិនទាន់បានសួរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>ទេ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>ការពិពណ៌នា</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Property and documents handed over</source>
        <translation>ទ្រព្យសម្បត្តិ និងឯកសារដែលបានប្រគល់</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Pic&amp;k from HQ&apos;s directory…</source>
        <translation>ជ្រើសពីបញ្ជីរបស់ទីស្នាក់ការកណ្តាល… (&amp;K)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add item</source>
        <translation>បន្ថែមរបស់ (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove item</source>
        <translation>ដករបស់ចេញ (&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MoSVY / DoSVY (social affairs)</source>
        <translation>ក្រសួង/មន្ទីរសង្គមកិច្ច (MoSVY / DoSVY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General Department of Immigration</source>
        <translation>អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embassy / Consulate</source>
        <translation>ស្ថានទូត / កុងស៊ុល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IOM</source>
        <translation>អង្គការ IOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NGO / shelter</source>
        <translation>អង្គការ / មណ្ឌលស្នាក់នៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Police anti-trafficking unit</source>
        <translation>នគរបាលប្រឆាំងការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital</source>
        <translation>មន្ទីរពេទ្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Passport</source>
        <translation>លិខិតឆ្លងដែន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID document</source>
        <translation>អត្តសញ្ញាណប័ណ្ណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Cash</source>
        <translation>សាច់ប្រាក់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belongings</source>
        <translation>ទ្រព្យផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Handover</source>
        <translation>ការប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>កាលបរិច្ឆេទ និងម៉ោង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place</source>
        <translation>ទីកន្លែង</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transferring agency</source>
        <translation>ស្ថាប័នប្រគល់</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agency</source>
        <translation>ស្ថាប័ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>មន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Position</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>ID card no.</source>
        <translation>លេខអត្តសញ្ញាណប័ណ្ណ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Receiving body</source>
        <translation>ស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country (embassy)</source>
        <translation>ប្រទេស (ស្ថានទូត)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving officer</source>
        <translation>មន្ត្រីទទួល</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Consent and interpreter</source>
        <translation>ការយល់ព្រម និងអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consents to the referral</source>
        <translation>យល់ព្រមចំពោះការបញ្ជូន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to sharing the data</source>
        <translation>យល់ព្រមឱ្យចែករំលែកទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian or social worker (minor)</source>
        <translation>អាណាព្យាបាល ឬបុគ្គលិកសង្គមកិច្ច (អនីតិជន)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>អ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter&apos;s language</source>
        <translation>ភាសារបស់អ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Needs and safety</source>
        <translation>តម្រូវការ និងសុវត្ថិភាព</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent needs</source>
        <translation>តម្រូវការបន្ទាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health notes</source>
        <translation>កំណត់ចំណាំសុខភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety notes</source>
        <translation>កំណត់ចំណាំសុវត្ថិភាព</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Type part of the country&apos;s name, or its code</source>
        <translation>វាយផ្នែកមួយនៃឈ្មោះប្រទេស ឬលេខកូដរបស់វា</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only for an embassy or consulate</source>
        <translation>សម្រាប់តែស្ថានទូត ឬកុងស៊ុលប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>From HQ&apos;s directory ({id}). {khmer}</source>
        <translation>ពីបញ្ជីរបស់ទីស្នាក់ការកណ្តាល ({id})។ {khmer}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Typed by hand: not in HQ&apos;s directory. It is kept as written and HQ maps it later.</source>
        <translation>វាយដោយដៃ៖ មិនមានក្នុងបញ្ជីរបស់ទីស្នាក់ការកណ្តាលទេ។ វាត្រូវរក្សាទុកដូចដែលបានសរសេរ ហើយទីស្នាក់ការកណ្តាលនឹងផ្គូផ្គងវានៅពេលក្រោយ។</translation>
    </message>
</context>
<context>
    <name>HeadcountDialog</name>
    <message>
        <location filename="../../ui/screens/headcount.py" line="+67"/>
        <source>Headcount</source>
        <translation>ការរាប់ចំនួនមនុស្ស</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— not set —</source>
        <translation>— មិនទាន់កំណត់ —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set s&amp;tation</source>
        <translation>កំណត់ស្ថានីយ (&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a team lead sets the station.</source>
        <translation>មានតែប្រធានក្រុមទេដែលកំណត់ស្ថានីយ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan a wristband, or type its code and press Enter</source>
        <translation>ស្កេនខ្សែដៃ ឬវាយលេខកូដរបស់វា ហើយចុច Enter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Temp ID</source>
        <translation>លេខបណ្ដោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last seen at</source>
        <translation>ឃើញចុងក្រោយនៅ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>តាំងពី</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Nobody lost…</source>
        <translation>គ្មាននរណាបាត់ខ្លួន… (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print everyone not handed over, with where and when last seen</source>
        <translation>បោះពុម្ពអ្នកដែលមិនទាន់បានប្រគល់ទាំងអស់ ជាមួយទីកន្លែង និងពេលវេលាដែលឃើញចុងក្រោយ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No.</source>
        <translation>លេខ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This laptop&apos;s station</source>
        <translation>ស្ថានីយរបស់កុំព្យូទ័រនេះ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Scan</source>
        <translation>ស្កេន (&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not handed over, the unaccounted first:</source>
        <translation>មិនទាន់បានប្រគល់ (អ្នកដែលមិនទាន់ដឹងនៅឯណាមុនគេ)៖</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Station set: every band scanned here checks the person in.</source>
        <translation>បានកំណត់ស្ថានីយ៖ ខ្សែដៃនីមួយៗដែលស្កេននៅទីនេះ កត់ត្រាថាបុគ្គលនោះមកដល់។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan with &amp;camera…</source>
        <translation>ស្កេនដោយកាមេរ៉ា… (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read wristbands&apos; QR codes with the laptop camera</source>
        <translation>អានកូដ QR នៃខ្សែដៃដោយកាមេរ៉ារបស់កុំព្យូទ័រ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No camera to scan with</source>
        <translation>គ្មានកាមេរ៉ាសម្រាប់ស្កេនទេ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No camera found: scan with a USB scanner, or type the band&apos;s code and press Enter</source>
        <translation>រកមិនឃើញកាមេរ៉ាទេ៖ សូមស្កេនដោយម៉ាស៊ីនស្កេន USB ឬវាយលេខកូដខ្សែដៃ ហើយចុច Enter</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{temp_id} checked in.</source>
        <translation>{temp_id} បានកត់ត្រាមកដល់។</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>vehicle {n}: {count}</source>
        <translation>យានយន្ត {n}៖ {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered: {registered}   Screened: {screened}   Handed over: {handed}   Unaccounted: {unaccounted}</source>
        <translation>បានចុះឈ្មោះ៖ {registered}   បានពិនិត្យ៖ {screened}   បានប្រគល់៖ {handed}   មិនទាន់ដឹងនៅឯណា៖ {unaccounted}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>UNACCOUNTED (intake only)</source>
        <translation>មិនទាន់ដឹងនៅឯណា (ឃើញតែពេលចុះឈ្មោះ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vehicle {n}</source>
        <translation>យានយន្ត {n}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/screens/history.py" line="+44"/>
        <source>Registered</source>
        <translation>បានចុះបញ្ជី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>បានកែសម្រួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made final</source>
        <translation>បានធ្វើជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amended</source>
        <translation>បានកែតម្រូវ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purged from this laptop</source>
        <translation>បានលុបចោលពីកុំព្យូទ័រយួរដៃនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (version %2)</source>
        <translation>%1 (កំណែទី %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an online-scam compound</source>
        <translation>បរិវេណបោកប្រាស់តាមអនឡាញ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>another place</source>
        <translation>ទីកន្លែងផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>ទេ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(purged: the values are no longer on this laptop)</source>
        <translation>(បានលុបចោល៖ តម្លៃទាំងនេះលែងមាននៅលើកុំព្យូទ័រយួរដៃនេះទៀតហើយ)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location line="+18"/>
        <source>Every change, from the signed record log. A final record changes only by amendment.</source>
        <translation>រាល់ការផ្លាស់ប្តូរ ពីកំណត់ហេតុកំណត់ត្រាដែលមានហត្ថលេខា។ កំណត់ត្រាស្ថាពរផ្លាស់ប្តូរបានតែតាមរយៈការកែតម្រូវប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>ពេលណា</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>នរណា</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>អ្វី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changes</source>
        <translation>ការផ្លាស់ប្តូរ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>ហេតុអ្វី</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 on %2</source>
        <translation>%1 នៅលើ %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
</context>
<context>
    <name>HqAppWindow</name>
    <message>
        <location filename="../../ui/hq/window.py" line="+204"/>
        <source>fieldapp HQ</source>
        <translation>fieldapp ទីស្នាក់ការកណ្តាល</translation>
    </message>
</context>
<context>
    <name>HqMainWindow</name>
    <message>
        <location line="-135"/>
        <source>&amp;1 Bundles</source>
        <translation>កញ្ចប់ទិន្នន័យ (&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;2 Review queue</source>
        <translation>ជួរពិនិត្យឡើងវិញ (&amp;2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;3 Persons</source>
        <translation>បុគ្គល (&amp;3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;4 Duplicates</source>
        <translation>កំណត់ត្រាស្ទួន (&amp;4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;5 Dashboard</source>
        <translation>ផ្ទាំងព័ត៌មាន (&amp;5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;6 Devices</source>
        <translation>ឧបករណ៍ (&amp;6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;7 Disclosures</source>
        <translation>ការបើកចំហព័ត៌មាន (&amp;7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;8 Referrals</source>
        <translation>ការបញ្ជូន (&amp;8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;9 Follow-up</source>
        <translation>ការតាមដាន (&amp;9)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} — signed in: {account} ({role})</source>
        <translation>{name} — បានចូល៖ {account} ({role})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ctrl+1…9 switch screens, F5 refreshes</source>
        <translation>Ctrl+1…9 ប្តូរអេក្រង់, F5 ផ្ទុកឡើងវិញ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts…</source>
        <translation>គណនី…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>admin</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>analyst</source>
        <translation>អ្នកវិភាគ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>liaison</source>
        <translation>អ្នកសម្របសម្រួល</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Lock (Ctrl+L)</source>
        <translation>ចាក់សោ (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a handover form…</source>
        <translation>ផ្ទៀងផ្ទាត់ទម្រង់ប្រគល់…</translation>
    </message>
</context>
<context>
    <name>HqPersonsPage</name>
    <message>
        <location filename="../../ui/hq/persons.py" line="+47"/>
        <source>Search every team: any name in any script, alias, passport or temporary id</source>
        <translation>ស្វែងរកគ្រប់ក្រុម៖ ឈ្មោះណាមួយជាអក្សរណាមួយ ឈ្មោះក្លែង លិខិតឆ្លងដែន ឬលេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All operations</source>
        <translation>ប្រតិបត្តិការទាំងអស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All laptops (teams)</source>
        <translation>កុំព្យូទ័រយួរដៃទាំងអស់ (ក្រុម)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the persons registered on this laptop</source>
        <translation>តែបុគ្គលដែលបានចុះឈ្មោះនៅលើកុំព្យូទ័រយួរដៃនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any nationality</source>
        <translation>គ្រប់សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Laptop</source>
        <translation>កុំព្យូទ័រយួរដៃ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persons</source>
        <translation>បុគ្គល</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>បុគ្គល %n នាក់</numerusform>
            <numerusform>បុគ្គល %n នាក់</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Operation: {operation} · recorded on laptop: {laptop}</source>
        <translation>ប្រតិបត្តិការ៖ {operation} · បានកត់ត្រាលើកុំព្យូទ័រយួរដៃ៖ {laptop}</translation>
    </message>
</context>
<context>
    <name>HqUnlockScreen</name>
    <message>
        <location filename="../../ui/hq/unlock.py" line="+55"/>
        <source>Unlock HQ</source>
        <translation>ដោះសោទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock</source>
        <translation>ដោះសោ</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Your HQ account</source>
        <translation>គណនីទីស្នាក់ការកណ្តាលរបស់អ្នក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: HQ&apos;s only account</source>
        <translation>ទទេ៖ គណនីតែមួយគត់របស់ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your passphrase</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នក</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>HQ &amp;account</source>
        <translation>គណនីទីស្នាក់ការកណ្តាល (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;passphrase</source>
        <translation>ឃ្លាសម្ងាត់របស់អ្នក (&amp;P)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no HQ in {folder}. Create one with `fieldapp hq init`, or try the demo HQ: `fieldapp hq demo --hq-dir FOLDER`.</source>
        <translation>មិនមានទីស្នាក់ការកណ្តាលនៅក្នុង {folder} ទេ។ បង្កើតមួយដោយប្រើ `fieldapp hq init` ឬសាកល្បងទីស្នាក់ការកណ្តាលសាកល្បង៖ `fieldapp hq demo --hq-dir FOLDER`។</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>HQ keys in {folder}; records in the PostgreSQL database.</source>
        <translation>សោទីស្នាក់ការកណ្តាលនៅក្នុង {folder}; កំណត់ត្រានៅក្នុងមូលដ្ឋានទិន្នន័យ PostgreSQL។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ folder: {folder}</source>
        <translation>ថតទីស្នាក់ការកណ្តាល៖ {folder}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type your passphrase first.</source>
        <translation>សូមវាយឃ្លាសម្ងាត់របស់អ្នកជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The passphrase is not right for this account. Try again.</source>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវសម្រាប់គណនីនេះទេ។ សូមព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Unlocking...</source>
        <translation>កំពុងដោះសោ...</translation>
    </message>
</context>
<context>
    <name>IndicatorItem</name>
    <message>
        <location filename="../../ui/widgets/indicator_item.py" line="+84"/>
        <source>Show help for: %1</source>
        <translation>បង្ហាញជំនួយសម្រាប់៖ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the help text</source>
        <translation>បង្ហាញ ឬលាក់អត្ថបទជំនួយ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not asked</source>
        <translation>មិនបានសួរ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Present</source>
        <translation>មាន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absent</source>
        <translation>គ្មាន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Don&apos;t know</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skipped</source>
        <translation>រំលង</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Press %1</source>
        <translation>ចុច %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or </source>
        <translation> ឬ </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Source</source>
        <translation>ប្រភព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source…</source>
        <translation>ប្រភព…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person&apos;s own account</source>
        <translation>សម្តីរបស់បុគ្គលផ្ទាល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer saw it</source>
        <translation>មន្ត្រីបានឃើញផ្ទាល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else</source>
        <translation>អ្នកផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person, on the respondent screen</source>
        <translation>បុគ្គលនោះ នៅលើអេក្រង់អ្នកឆ្លើយ</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>កំណត់សម្គាល់</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show to person</source>
        <translation>បង្ហាញដល់បុគ្គល</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the question in large type in the person&apos;s language</source>
        <translation>បង្ហាញសំណួរជាអក្សរធំ ជាភាសារបស់បុគ្គលនោះ</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/screens/intake.py" line="+63"/>
        <source>As in the passport, Latin letters</source>
        <translation>ដូចក្នុងលិខិតឆ្លងដែន ជាអក្សរឡាតាំង</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the person&apos;s own script</source>
        <translation>ជាអក្សររបស់បុគ្គលនោះផ្ទាល់</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Age uncertain (estimated)</source>
        <translation>អាយុមិនប្រាកដ (ប៉ាន់ស្មាន)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medical, food, medicine, safety — anything that cannot wait</source>
        <translation>ការព្យាបាល អាហារ ថ្នាំ សុវត្ថិភាព — អ្វីៗដែលមិនអាចរង់ចាំបាន</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name</source>
        <translation>ឈ្មោះ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in own &amp;script</source>
        <translation>ឈ្មោះជាអក្សរផ្ទាល់ខ្លួន (&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nationa&amp;lity</source>
        <translation>សញ្ជាតិ (&amp;L)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Se&amp;x</source>
        <translation>ភេទ (&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Age</source>
        <translation>អាយុ (&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lan&amp;guages</source>
        <translation>ភាសា (&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport / &amp;ID no.</source>
        <translation>លេខលិខិតឆ្លងដែន / អត្តសញ្ញាណប័ណ្ណ (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Urgent needs</source>
        <translation>តម្រូវការបន្ទាន់ (&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save and next (Enter)</source>
        <translation>រក្សាទុក ហើយបន្ទាប់ (Enter)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Take a &amp;portrait of this person (Ctrl+P)</source>
        <translation>ថតរូបបញ្ឈររបស់បុគ្គលនេះ (&amp;P) (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Register a person</source>
        <translation>ចុះបញ្ជីបុគ្គល</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Create or choose an operation first (Operation menu).</source>
        <translation>សូមបង្កើត ឬជ្រើសរើសប្រតិបត្តិការជាមុនសិន (ម៉ឺនុយប្រតិបត្តិការ)។</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose the sex first: F female, M male, O other, U not known.</source>
        <translation>សូមជ្រើសរើសភេទជាមុនសិន៖ F ស្រី, M ប្រុស, O ផ្សេងទៀត, U មិនដឹង។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Registered {name}. Write this id on the wristband:</source>
        <translation>បានចុះបញ្ជី {name} ហើយ។ សូមសរសេរលេខសម្គាល់នេះលើខ្សែដៃ៖</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Possibly a child: refer to child protection.</source>
        <translation>ប្រហែលជាកុមារ៖ សូមបញ្ជូនទៅការការពារកុមារ។</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not registered again: the existing person is open.</source>
        <translation>មិនបានចុះបញ្ជីម្តងទៀតទេ៖ បុគ្គលដែលមានស្រាប់ត្រូវបានបើក។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved yet: correct the details, or press Enter to check again.</source>
        <translation>មិនទាន់រក្សាទុកទេ៖ សូមកែព័ត៌មានលម្អិត ឬចុច Enter ដើម្បីពិនិត្យម្តងទៀត។</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <location filename="../../ui/screens/interview_form.py" line="+200"/>
        <source>Type part of the country&apos;s name, or its code</source>
        <translation>វាយផ្នែកមួយនៃឈ្មោះប្រទេស ឬលេខកូដរបស់វា</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>separate with commas</source>
        <translation>បំបែកដោយសញ្ញាក្បៀស</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>not known</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Remove selected row</source>
        <translation>លុបជួរដែលបានជ្រើស</translation>
    </message>
</context>
<context>
    <name>InterviewScreen</name>
    <message>
        <location filename="../../ui/screens/interview.py" line="+144"/>
        <source>Opening the screening…</source>
        <translation>កំពុងបើកការពិនិត្យ…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The screening could not be opened: %1</source>
        <translation>មិនអាចបើកការពិនិត្យបានទេ៖ %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Screening: %1</source>
        <translation>ការពិនិត្យ៖ %1</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>%1 of %2 answered, %3 present</source>
        <translation>បានឆ្លើយ %1 ក្នុងចំណោម %2, មាន %3</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The interpreter may not be independent of the compound or the employer.</source>
        <translation>អ្នកបកប្រែប្រហែលជាមិនឯករាជ្យពីបរិវេណ ឬនិយោជកទេ។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person did not agree to be interviewed.</source>
        <translation>បុគ្គលនោះមិនបានយល់ព្រមឱ្យសម្ភាសន៍ទេ។</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contradicts: %1. Ask again and correct one of them.</source>
        <translation>ផ្ទុយនឹង៖ %1។ សូមសួរម្តងទៀត ហើយកែតម្រូវមួយក្នុងចំណោមនោះ។</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The refusal is recorded. You can close this screening.</source>
        <translation>ការបដិសេធត្រូវបានកត់ត្រា។ អ្នកអាចបិទការពិនិត្យនេះបាន។</translation>
    </message>
</context>
<context>
    <name>LanguagesField</name>
    <message>
        <location filename="../../ui/widgets/person_fields.py" line="-47"/>
        <source>e.g. Vietnamese, Chinese, English (names or codes)</source>
        <translation>ឧ. វៀតណាម, ចិន, អង់គ្លេស (ឈ្មោះ ឬលេខកូដ)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a language this app knows: {names}. Type its name in English or Khmer, or its code.</source>
        <translation>មិនមែនជាភាសាដែលកម្មវិធីនេះស្គាល់ទេ៖ {names}។ សូមវាយឈ្មោះភាសាជាភាសាអង់គ្លេស ឬខ្មែរ ឬលេខកូដរបស់វា។</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../ui/widgets/person_links.py" line="+40"/>
        <source>Kept together with…</source>
        <translation>ត្រូវនៅជាមួយគ្នានឹង…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary id, or scan their wristband</source>
        <translation>លេខបណ្ដោះអាសន្ន ឬស្កេនខ្សែដៃរបស់គាត់</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This person is the parent of…</source>
        <translation>បុគ្គលនេះជាឪពុកម្ដាយរបស់…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is the child of…</source>
        <translation>បុគ្គលនេះជាកូនរបស់…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Other person</source>
        <translation>បុគ្គលម្នាក់ទៀត (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Relation</source>
        <translation>ទំនាក់ទំនង (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who said so</source>
        <translation>អ្នកណានិយាយដូច្នេះ (&amp;W)</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location line="+17"/>
        <location line="+12"/>
        <source>Kept together with</source>
        <translation>ត្រូវនៅជាមួយគ្នានឹង</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Lin&amp;k…</source>
        <translation>ភ្ជាប់… (&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink</source>
        <translation>ផ្ដាច់</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Safeguarding</source>
        <translation>ការការពារកុមារ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/screens/main_window.py" line="+81"/>
        <source>fieldapp</source>
        <translation>fieldapp</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Current operation</source>
        <translation>ប្រតិបត្តិការបច្ចុប្បន្ន</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} ({role}) on {device}</source>
        <translation>{name} ({role}) នៅលើ {device}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Counting records...</source>
        <translation>កំពុងរាប់កំណត់ត្រា...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Persons</source>
        <translation>បុគ្គល (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Register</source>
        <translation>ចុះបញ្ជី (&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New operation…</source>
        <translation>ប្រតិបត្តិការថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit this operation…</source>
        <translation>កែសម្រួលប្រតិបត្តិការនេះ… (&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation histor&amp;y…</source>
        <translation>ប្រវត្តិប្រតិបត្តិការ… (&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>ការកំណត់… (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>អំពី (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync…</source>
        <translation>ធ្វើសមកាលកម្ម (&amp;Y)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lock</source>
        <translation>ចាក់សោ (&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>របារឧបករណ៍មេ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Operation: </source>
        <translation> ប្រតិបត្តិការ៖ </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Print &amp;manifest…</source>
        <translation>បោះពុម្ពបញ្ជីឈ្មោះ… (&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print manifest by &amp;receiving body…</source>
        <translation>បោះពុម្ពបញ្ជីឈ្មោះតាមស្ថាប័នទទួល… (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All &amp;handover forms…</source>
        <translation>ទម្រង់ប្រគល់ទាំងអស់… (&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print &amp;wristbands…</source>
        <translation>បោះពុម្ពខ្សែដៃ… (&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headcount and &amp;scans…</source>
        <translation>រាប់ចំនួនមនុស្ស និងស្កេន… (&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Em&amp;bassy notification list…</source>
        <translation>បញ្ជីជូនដំណឹងស្ថានទូត… (&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody &amp;lost: who is not handed over…</source>
        <translation>គ្មាននរណាបាត់ខ្លួន៖ អ្នកដែលមិនទាន់បានប្រគល់… (&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Check a handover form…</source>
        <translation>ផ្ទៀងផ្ទាត់ទម្រង់ប្រគល់… (&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Operation</source>
        <translation>ប្រតិបត្តិការ (&amp;O)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{name} (closed)</source>
        <translation>{name} (បានបិទ)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No operation yet: create one with “New operation…”.</source>
        <translation>មិនទាន់មានប្រតិបត្តិការទេ៖ សូមបង្កើតមួយដោយប្រើ “ប្រតិបត្តិការថ្មី…”។</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+28"/>
        <location line="+34"/>
        <location line="+13"/>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+16"/>
        <location line="+12"/>
        <location line="+24"/>
        <source>Pick an operation first.</source>
        <translation>សូមជ្រើសរើសប្រតិបត្តិការជាមុនសិន។</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>History of the operation {name}</source>
        <translation>ប្រវត្តិនៃប្រតិបត្តិការ {name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Making the manifest</source>
        <translation>កំពុងបង្កើតបញ្ជីឈ្មោះ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Making the handover forms</source>
        <translation>កំពុងបង្កើតទម្រង់ប្រគល់</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Making the wristbands</source>
        <translation>កំពុងរៀបចំខ្សែដៃ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Making the nobody-lost list</source>
        <translation>កំពុងរៀបចំបញ្ជីគ្មាននរណាបាត់ខ្លួន</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Making the embassy list</source>
        <translation>កំពុងរៀបចំបញ្ជីសម្រាប់ស្ថានទូត</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cancelled: no PDF was written.</source>
        <translation>បានបោះបង់៖ មិនបានសរសេរ PDF ណាមួយទេ។</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Your draft was saved. You are back where you were.</source>
        <translation>សេចក្ដីព្រាងរបស់អ្នកត្រូវបានរក្សាទុក។ អ្នកត្រឡប់មកកន្លែងដែលអ្នកនៅវិញហើយ។</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Persons: {persons} ({screened} screened, {final} final)   Not yet at HQ: {unsynced} changes</source>
        <translation>បុគ្គល៖ {persons} (បានពិនិត្យ {screened}, ស្ថាពរ {final})   មិនទាន់ដល់ទីស្នាក់ការកណ្តាល៖ ការផ្លាស់ប្តូរ {unsynced}</translation>
    </message>
</context>
<context>
    <name>NotificationDialog</name>
    <message>
        <location filename="../../ui/screens/notification.py" line="+27"/>
        <source>Embassy notification list</source>
        <translation>បញ្ជីជូនដំណឹងស្ថានទូត</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only this &amp;operation</source>
        <translation>តែប្រតិបត្តិការនេះប៉ុណ្ណោះ (&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record them as notified (the list goes to the mission now)</source>
        <translation>កត់ត្រាថាបានជូនដំណឹងហើយ (បញ្ជីនេះត្រូវបញ្ជូនទៅស្ថានទូតឥឡូវនេះ) (&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a team lead records a notification.</source>
        <translation>មានតែប្រធានក្រុមទេដែលកត់ត្រាការជូនដំណឹង។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only persons who consented to their embassy being told are listed; anyone with a “do not notify” flag never is. Persons notified before are left out.</source>
        <translation>មានតែបុគ្គលដែលយល់ព្រមឱ្យជូនដំណឹងដល់ស្ថានទូតរបស់ខ្លួនប៉ុណ្ណោះដែលមាននៅក្នុងបញ្ជី អ្នកដែលមានសញ្ញា “កុំជូនដំណឹង” មិនដែលមានឡើយ។ បុគ្គលដែលបានជូនដំណឹងពីមុនមិនត្រូវបានដាក់បញ្ចូលទេ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Nationality</source>
        <translation>សញ្ជាតិ (&amp;N)</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <location filename="../../ui/screens/operations.py" line="+34"/>
        <source>New operation</source>
        <translation>ប្រតិបត្តិការថ្មី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the operation</source>
        <translation>កែសម្រួលប្រតិបត្តិការ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Sihanoukville raid, Building B</source>
        <translation>ឧ. ការចុះបង្ក្រាបនៅក្រុងព្រះសីហនុ អគារ B</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Compound or place name</source>
        <translation>ឈ្មោះបរិវេណ ឬទីកន្លែង</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Names, separated by commas</source>
        <translation>ឈ្មោះ បំបែកដោយសញ្ញាក្បៀស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An online-&amp;scam compound</source>
        <translation>បរិវេណបោកប្រាស់តាមអនឡាញ (&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenings ask the scam-compound questions, each fact once; otherwise the ILO list</source>
        <translation>ការពិនិត្យសួរសំណួរបរិវេណបោកប្រាស់ ការពិតនីមួយៗតែម្តង; បើមិនដូច្នោះទេ បញ្ជី ILO</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name</source>
        <translation>ឈ្មោះ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>កាលបរិច្ឆេទ (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Province</source>
        <translation>ខេត្ត/រាជធានី (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;istrict</source>
        <translation>ស្រុក/ខណ្ឌ (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lace or compound</source>
        <translation>ទីកន្លែង ឬបរិវេណ (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead &amp;agency</source>
        <translation>ស្ថាប័នដឹកនាំ (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Team</source>
        <translation>ក្រុម (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place raided</source>
        <translation>ទីកន្លែងដែលបានវាយឆ្មក់</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The operation needs a name.</source>
        <translation>ប្រតិបត្តិការត្រូវមានឈ្មោះ។</translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <location filename="../../ui/widgets/outcome_panel.py" line="+31"/>
        <source>Screening result</source>
        <translation>លទ្ធផលពិនិត្យ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A screening result, not a legal decision.</source>
        <translation>នេះជាលទ្ធផលពិនិត្យ មិនមែនជាការសម្រេចផ្លូវច្បាប់ទេ។</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Presumed victim of trafficking</source>
        <translation>ជនរងគ្រោះ​ដែល​ត្រូវបាន​សន្មត់​ពី​ការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presumed child victim of trafficking</source>
        <translation>កុមាររងគ្រោះ​ដែល​ត្រូវបាន​សន្មត់​ពី​ការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible victim of trafficking</source>
        <translation>អាច​ជា​ជនរងគ្រោះ​ពី​ការជួញដូរមនុស្ស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible victim: indicators below the threshold</source>
        <translation>អាចជាជនរងគ្រោះ៖ សូចនាករក្រោមកម្រិត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No indicators found so far</source>
        <translation>មិនទាន់​រកឃើញ​សូចនាករ​នៅឡើយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undetermined</source>
        <translation>មិនទាន់​កំណត់​បាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not scored yet</source>
        <translation>មិនទាន់​បាន​គណនា​ពិន្ទុ</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/screens/interview_dialogs.py" line="+34"/>
        <source>Finalise the screening</source>
        <translation>បញ្ចប់ការពិនិត្យជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A final screening can no longer be edited, only amended with a reason. Type your passphrase to sign it.</source>
        <translation>ការពិនិត្យដែលបានបញ្ចប់ជាស្ថាពរ មិនអាចកែសម្រួលទៀតបានទេ គឺអាចត្រឹមតែកែតម្រូវដោយមានមូលហេតុ។ សូមវាយឃ្លាសម្ងាត់របស់អ្នក ដើម្បីចុះហត្ថលេខា។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Passphrase</source>
        <translation>ឃ្លាសម្ងាត់ (&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalise</source>
        <translation>បញ្ចប់ជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go back to the interview</source>
        <translation>ត្រឡប់ទៅការសម្ភាសន៍វិញ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Outcome to be signed: %1. Questions answered: %2 of %3 (%4 present).</source>
        <translation>លទ្ធផលដែលនឹងចុះហត្ថលេខា៖ %1។ សំណួរដែលបានឆ្លើយ៖ %2 នៃ %3 (មាន %4)។</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check before you sign:</source>
        <translation>សូមពិនិត្យមុនពេលចុះហត្ថលេខា៖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing in the record contradicts itself.</source>
        <translation>គ្មានអ្វីក្នុងកំណត់ត្រាផ្ទុយគ្នាទេ។</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/screens/pdf_preview.py" line="+37"/>
        <source>Preview: {title}</source>
        <translation>មើលជាមុន៖ {title}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pages: {pages}</source>
        <translation>ចំនួនទំព័រ៖ {pages}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>បង្រួម (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>ពង្រីក (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit the width</source>
        <translation>ឱ្យសមនឹងទទឹង (&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>រក្សាទុកជា PDF… (&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
</context>
<context>
    <name>PersonDetailsDialog</name>
    <message>
        <location filename="../../ui/screens/person_details.py" line="+77"/>
        <source>Amend the registration details</source>
        <translation>កែតម្រូវព័ត៌មានចុះបញ្ជី</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the details</source>
        <translation>កែសម្រួលព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other names and work names, separated by commas</source>
        <translation>ឈ្មោះផ្សេងទៀត និងឈ្មោះប្រើពេលធ្វើការ បំបែកដោយសញ្ញាក្បៀស</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Age uncertain (estimated)</source>
        <translation>អាយុមិនប្រាកដ (ប៉ាន់ស្មាន)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(not recorded)</source>
        <translation>(មិនបានកត់ត្រា)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Age</source>
        <translation>អាយុ (&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name</source>
        <translation>ឈ្មោះ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in own &amp;script</source>
        <translation>ឈ្មោះជាអក្សរផ្ទាល់ខ្លួន (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other names</source>
        <translation>ឈ្មោះផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x</source>
        <translation>ភេទ (&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nationa&amp;lity</source>
        <translation>សញ្ជាតិ (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guages</source>
        <translation>ភាសា (&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document type</source>
        <translation>ប្រភេទឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport / &amp;ID no.</source>
        <translation>លេខលិខិតឆ្លងដែន / អត្តសញ្ញាណប័ណ្ណ (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document status</source>
        <translation>ស្ថានភាពឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Urgent needs</source>
        <translation>តម្រូវការបន្ទាន់ (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>កំណត់ចំណាំ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the a&amp;mendment</source>
        <translation>រក្សាទុកការកែតម្រូវ (&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sa&amp;ve</source>
        <translation>រក្សាទុក (&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This record is final: a change is an amendment, signed by you, with a reason, and makes a new version. Forms printed before keep the version they show.</source>
        <translation>កំណត់ត្រានេះជាស្ថាពរ៖ ការផ្លាស់ប្តូរគឺជាការកែតម្រូវ ដែលអ្នកចុះហត្ថលេខា មានហេតុផល ហើយបង្កើតកំណែថ្មី។ ទម្រង់ដែលបានបោះពុម្ពពីមុនរក្សាកំណែដែលវាបង្ហាញ។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reason for the amendment (required)</source>
        <translation>ហេតុផលនៃការកែតម្រូវ (ចាំបាច់) (&amp;R)</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../../ui/widgets/person_fields.py" line="-24"/>
        <source>Type part of the country&apos;s name, or its code</source>
        <translation>វាយផ្នែកមួយនៃឈ្មោះប្រទេស ឬលេខកូដរបស់វា</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Passport</source>
        <translation>លិខិតឆ្លងដែន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID card</source>
        <translation>អត្តសញ្ញាណប័ណ្ណសញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth certificate</source>
        <translation>សំបុត្រកំណើត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work permit</source>
        <translation>ប័ណ្ណអនុញ្ញាតការងារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving licence</source>
        <translation>ប័ណ្ណបើកបរ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>held by the person</source>
        <translation>បុគ្គលនោះកាន់ផ្ទាល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confiscated</source>
        <translation>ត្រូវបានរឹបអូស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>បាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with immigration</source>
        <translation>នៅអន្តោប្រវេសន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>គ្មាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not known</source>
        <translation>មិនដឹង</translation>
    </message>
</context>
<context>
    <name>PersonFilters</name>
    <message>
        <location filename="../../ui/widgets/person_filters.py" line="+31"/>
        <source>Search persons</source>
        <translation>ស្វែងរកបុគ្គល</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Any outcome</source>
        <translation>គ្រប់លទ្ធផល</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adults and minors</source>
        <translation>មនុស្សពេញវ័យ និងអនីតិជន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minors (or possibly)</source>
        <translation>អនីតិជន (ឬប្រហែលជា)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adults</source>
        <translation>មនុស្សពេញវ័យ</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../ui/screens/person.py" line="+76"/>
        <location line="+65"/>
        <source>Screenings</source>
        <translation>ការពិនិត្យ</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>&amp;Screen this person</source>
        <translation>ពិនិត្យកំណត់អត្តសញ្ញាណបុគ្គលនេះ (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+155"/>
        <source>&amp;Edit details…</source>
        <translation>កែសម្រួលព័ត៌មានលម្អិត… (&amp;E)</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Histor&amp;y…</source>
        <translation>ប្រវត្តិ… (&amp;Y)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Back to the list</source>
        <translation>ត្រឡប់ទៅបញ្ជី (&amp;B)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Handovers</source>
        <translation>ការប្រគល់</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+228"/>
        <source>&amp;New handover…</source>
        <translation>ការប្រគល់ថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>&amp;Print form…</source>
        <translation>បោះពុម្ពទម្រង់… (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save form as P&amp;DF…</source>
        <translation>រក្សាទុកទម្រង់ជា PDF… (&amp;D)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Handover</source>
        <translation>ការប្រគល់</translation>
    </message>
    <message>
        <location line="+48"/>
        <source> (estimated)</source>
        <translation> (ប៉ាន់ស្មាន)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>ភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>អាយុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport / ID no.</source>
        <translation>លេខលិខិតឆ្លងដែន / អត្តសញ្ញាណប័ណ្ណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent needs</source>
        <translation>តម្រូវការបន្ទាន់</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>កំណត់ត្រា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status}, version {version}</source>
        <translation>{status} កំណែទី {version}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{outcome} — {status}, version {version}</source>
        <translation>{outcome} — {status} កំណែទី {version}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A&amp;mend details…</source>
        <translation>កែតម្រូវព័ត៌មានលម្អិត… (&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a team lead can amend a final record.</source>
        <translation>មានតែប្រធានក្រុមប៉ុណ្ណោះដែលអាចកែតម្រូវកំណត់ត្រាស្ថាពរបាន។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This record is {status}: it can no longer be changed.</source>
        <translation>ស្ថានភាពកំណត់ត្រានេះ៖ {status}។ មិនអាចផ្លាស់ប្តូរបានទៀតទេ។</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>History of {temp_id}</source>
        <translation>ប្រវត្តិរបស់ {temp_id}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{reference} — {status}, version {version} — to {body}</source>
        <translation>{reference} — {status} កំណែ {version} — ទៅ {body}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(receiving body not given yet)</source>
        <translation>(មិនទាន់បញ្ជាក់ស្ថាប័នទទួល)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Co&amp;ntinue handover…</source>
        <translation>បន្តការប្រគល់… (&amp;N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A draft prints marked DRAFT, with no verification code.</source>
        <translation>សេចក្តីព្រាងបោះពុម្ពដោយមានសញ្ញា DRAFT និងគ្មានលេខកូដផ្ទៀងផ្ទាត់។</translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <location filename="../../ui/models/persons.py" line="+89"/>
        <source>Temporary id</source>
        <translation>លេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in own script</source>
        <translation>ឈ្មោះជាអក្សរផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>ភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>អាយុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not screened</source>
        <translation>មិនទាន់​បាន​ពិនិត្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presumed victim</source>
        <translation>ជនរងគ្រោះ​ដែល​ត្រូវបាន​សន្មត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presumed child victim</source>
        <translation>កុមាររងគ្រោះ​ដែល​ត្រូវបាន​សន្មត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible victim</source>
        <translation>អាច​ជា​ជនរងគ្រោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible victim (below threshold)</source>
        <translation>អាចជាជនរងគ្រោះ (ក្រោមកម្រិត)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No indicators found</source>
        <translation>រក​មិន​ឃើញ​សូចនាករ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undetermined</source>
        <translation>មិនទាន់​កំណត់​បាន</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>draft</source>
        <translation>សេចក្តីព្រាង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>ស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purged</source>
        <translation>បានលុបចោលជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>កំពុងបើក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>screener</source>
        <translation>អ្នកពិនិត្យ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>team lead</source>
        <translation>ប្រធានក្រុម</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>admin</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Female</source>
        <translation>ស្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>ប្រុស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>ផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>មិនដឹង</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Possibly a child (under 18, or the age is uncertain)</source>
        <translation>ប្រហែលជាកុមារ (អាយុក្រោម ១៨ ឆ្នាំ ឬអាយុមិនប្រាកដ)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 child?</source>
        <translation>%1 កុមារ?</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../ui/screens/persons.py" line="+59"/>
        <source>Search: any name in any script, alias, passport or temporary id</source>
        <translation>ស្វែងរក៖ ឈ្មោះណាមួយជាអក្សរណាក៏បាន ឈ្មោះហៅក្រៅ លិខិតឆ្លងដែន ឬលេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This operation</source>
        <translation>ប្រតិបត្តិការនេះ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All operations</source>
        <translation>ប្រតិបត្តិការទាំងអស់</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any nationality</source>
        <translation>គ្រប់សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Handed over or not</source>
        <translation>បានប្រគល់ ឬមិនទាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>បានប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not handed over</source>
        <translation>មិនទាន់ប្រគល់</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Synced or not</source>
        <translation>បានធ្វើសមកាលកម្ម ឬមិនទាន់</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At HQ</source>
        <translation>នៅទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not yet at HQ</source>
        <translation>មិនទាន់ដល់ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Persons</source>
        <translation>បុគ្គល</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>បុគ្គល %n នាក់</numerusform>
            <numerusform>បុគ្គល %n នាក់</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
        <source>&amp;Open</source>
        <translation>បើក (&amp;O)</translation>
    </message>
</context>
<context>
    <name>PhotoOptionsDialog</name>
    <message>
        <location filename="../../ui/widgets/photo_options.py" line="+70"/>
        <source>Photo type and consent</source>
        <translation>ប្រភេទរូបថត និងការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re-classify photo</source>
        <translation>ចាត់ថ្នាក់រូបថតឡើងវិញ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Yes, the person agreed</source>
        <translation>បាទ/ចាស បុគ្គលនោះបានយល់ព្រម (&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>ទេ (&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep as &amp;evidence (keeps location and camera serial)</source>
        <translation>រក្សាទុកជាភស្តុតាង (រក្សាទីតាំង និងលេខសម្គាល់កាមេរ៉ា) (&amp;E)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Type</source>
        <translation>ប្រភេទ (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to this photo</source>
        <translation>ការយល់ព្រមចំពោះរូបថតនេះ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>These choices apply to all {count} photos.</source>
        <translation>ជម្រើសទាំងនេះអនុវត្តចំពោះរូបថតទាំង {count} សន្លឹក។</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The screening does not record consent to {kind} photos: ask the person.</source>
        <translation>ការពិនិត្យមិនបានកត់ត្រាការយល់ព្រមចំពោះរូបថតប្រភេទ {kind} ទេ៖ សូមសួរបុគ្គលនោះ។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The screening records consent to {kind} photos.</source>
        <translation>ការពិនិត្យបានកត់ត្រាការយល់ព្រមចំពោះរូបថតប្រភេទ {kind}។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The screening records that the person did NOT agree to {kind} photos.</source>
        <translation>ការពិនិត្យបានកត់ត្រាថា បុគ្គលនោះ មិន បានយល់ព្រមចំពោះរូបថតប្រភេទ {kind} ទេ។</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Say whether the person agreed to this photo.</source>
        <translation>សូមបញ្ជាក់ថាតើបុគ្គលនោះបានយល់ព្រមចំពោះរូបថតនេះឬទេ។</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="+32"/>
        <source>Photos of this person</source>
        <translation>រូបថតរបស់បុគ្គលនេះ</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{caption}
Double-click to view.</source>
        <translation>{caption}
ចុចពីរដងដើម្បីមើល។</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="+59"/>
        <source>Photo: {kind}</source>
        <translation>រូបថត៖ {kind}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photo</source>
        <translation>រូបថត</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This photo cannot be shown.</source>
        <translation>មិនអាចបង្ហាញរូបថតនេះបានទេ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (evidence)</source>
        <translation> (ភស្តុតាង)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>ការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken</source>
        <translation>ថតនៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded by the camera</source>
        <translation>កាមេរ៉ាមិនបានកត់ត្រា</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera</source>
        <translation>កាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../../ui/screens/photos.py" line="+115"/>
        <source>Photos</source>
        <translation>រូបថត</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No photos yet.</source>
        <translation>មិនទាន់មានរូបថតទេ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take p&amp;hoto</source>
        <translation>ថតរូប (&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import from files…</source>
        <translation>នាំចូលពីឯកសារ… (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From camera &amp;card</source>
        <translation>ពីកាតកាមេរ៉ា (&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import new photos from an inserted camera card (its DCIM folder).</source>
        <translation>នាំចូលរូបថតថ្មីពីកាតកាមេរ៉ាដែលបានដោត (ថត DCIM របស់វា)។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>មើល (&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type and consent…</source>
        <translation>ប្រភេទ និងការយល់ព្រម… (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the selected photo&apos;s type, consent or evidence marking.</source>
        <translation>ប្តូរប្រភេទ ការយល់ព្រម ឬការសម្គាល់ជាភស្តុតាង នៃរូបថតដែលបានជ្រើស។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;urge…</source>
        <translation>លុបចោលជាស្ថាពរ… (&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+301"/>
        <source>Only a team lead can purge photos.</source>
        <translation>មានតែប្រធានក្រុមប៉ុណ្ណោះដែលអាចលុបរូបថតចោលជាស្ថាពរបាន។</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Take a photo with the laptop camera.</source>
        <translation>ថតរូបដោយប្រើកាមេរ៉ាកុំព្យូទ័រយួរដៃ។</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No camera found</source>
        <translation>រកមិនឃើញកាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Photo attached.</source>
        <translation>បានភ្ជាប់រូបថត។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Importing photos</source>
        <translation>កំពុងនាំចូលរូបថត</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No camera card found. Insert the card (it must have a DCIM folder), or copy the photos to the laptop and use Import from files.</source>
        <translation>រកមិនឃើញកាតកាមេរ៉ាទេ។ សូមដោតកាត (ត្រូវមានថត DCIM) ឬចម្លងរូបថតទៅកុំព្យូទ័រ ហើយប្រើ «នាំចូលពីឯកសារ»។</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reading the camera card</source>
        <translation>កំពុងអានកាតកាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The camera card holds no photos.</source>
        <translation>កាតកាមេរ៉ាគ្មានរូបថតទេ។</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>បានបោះបង់៖ មិនបាននាំចូលអ្វីទាំងអស់។</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Photo re-classified.</source>
        <translation>បានចាត់ថ្នាក់រូបថតឡើងវិញ។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Photo purged. It cannot be recovered.</source>
        <translation>រូបថតត្រូវបានលុបចោលជាស្ថាពរ។ មិនអាចយកមកវិញបានទេ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>View</source>
        <translation>មើល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type and consent…</source>
        <translation>ប្រភេទ និងការយល់ព្រម…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purge…</source>
        <translation>លុបចោលជាស្ថាពរ…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/photo_questions.py" line="+123"/>
        <source>Import photos</source>
        <translation>នាំចូលរូបថត</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos ({patterns})</source>
        <translation>រូបថត ({patterns})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Camera card</source>
        <translation>កាតកាមេរ៉ា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several cards are inserted. Import from:</source>
        <translation>មានកាតច្រើនត្រូវបានដោត។ នាំចូលពី៖</translation>
    </message>
</context>
<context>
    <name>PossibleDuplicateDialog</name>
    <message>
        <location filename="../../ui/screens/possible_duplicate.py" line="+44"/>
        <source>Possibly registered already</source>
        <translation>ប្រហែលជាបានចុះបញ្ជីរួចហើយ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This photo is also attached to someone else in this operation:</source>
        <translation>រូបថតនេះក៏ភ្ជាប់ជាមួយអ្នកផ្សេងទៀតក្នុងប្រតិបត្តិការនេះដែរ៖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person may already be registered in this operation. Check the wristband or ask their name again:</source>
        <translation>បុគ្គលនេះប្រហែលជាបានចុះបញ្ជីរួចហើយក្នុងប្រតិបត្តិការនេះ។ សូមពិនិត្យខ្សែដៃ ឬសួរឈ្មោះរបស់គេម្តងទៀត៖</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persons who look the same</source>
        <translation>បុគ្គលដែលមើលទៅដូចគ្នា</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Open the existing person</source>
        <translation>បើកបុគ្គលដែលមានស្រាប់ (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep both</source>
        <translation>រក្សាទុកទាំងពីរ (&amp;K)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Register anyway</source>
        <translation>ចុះបញ្ជីទោះយ៉ាងណាក៏ដោយ (&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go &amp;back</source>
        <translation>ត្រឡប់ក្រោយ (&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the form: nothing is saved, nothing typed is lost (Esc)</source>
        <translation>ត្រឡប់ទៅទម្រង់វិញ៖ គ្មានអ្វីត្រូវបានរក្សាទុកទេ ហើយគ្មានអ្វីដែលបានវាយបាត់ទេ (Esc)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>same name</source>
        <translation>ឈ្មោះដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same passport or ID number</source>
        <translation>លេខលិខិតឆ្លងដែន ឬអត្តសញ្ញាណប័ណ្ណដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same photo</source>
        <translation>រូបថតដូចគ្នា</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>age %1</source>
        <translation>អាយុ %1</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <location filename="../../ui/progress.py" line="+153"/>
        <location line="+34"/>
        <source>Cancelling… the step in progress finishes first.</source>
        <translation>កំពុងបោះបង់… ជំហានដែលកំពុងដំណើរការនឹងបញ្ចប់ជាមុនសិន។</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{done} of {total}: {label}</source>
        <translation>{done} ក្នុងចំណោម {total}៖ {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working…</source>
        <translation>កំពុងដំណើរការ…</translation>
    </message>
</context>
<context>
    <name>ProtectionPanel</name>
    <message>
        <location filename="../../ui/widgets/person_protection.py" line="+41"/>
        <source>The embassy may be told if the person consents.</source>
        <translation>អាចជូនដំណឹងដល់ស្ថានទូតបាន ប្រសិនបើសាមីខ្លួនយល់ព្រម។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not noti&amp;fy the embassy…</source>
        <translation>កុំជូនដំណឹងដល់ស្ថានទូត… (&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not notify the embassy: {reason}</source>
        <translation>កុំជូនដំណឹងដល់ស្ថានទូត៖ {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lift “do not notify”…</source>
        <translation>ដកសញ្ញា “កុំជូនដំណឹង”…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Do not notify the embassy</source>
        <translation>កុំជូនដំណឹងដល់ស្ថានទូត</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lift “do not notify”</source>
        <translation>ដកសញ្ញា “កុំជូនដំណឹង”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why must their embassy never be told? (fear of return, asylum, stateless…)</source>
        <translation>ហេតុអ្វីមិនត្រូវជូនដំណឹងដល់ស្ថានទូតរបស់គាត់? (ខ្លាចត្រូវបញ្ជូនត្រឡប់ ស្វែងរកសិទ្ធិជ្រកកោន គ្មានសញ្ជាតិ…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why may their embassy be told now? (a team lead)</source>
        <translation>ហេតុអ្វីឥឡូវនេះអាចជូនដំណឹងដល់ស្ថានទូតរបស់គាត់បាន? (ប្រធានក្រុម)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../ui/screens/photo_questions.py" line="-52"/>
        <source>Purge photo</source>
        <translation>លុបរូបថតចោលជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The photo will be destroyed and cannot be recovered&lt;/b&gt; — not by you, not by HQ. Only the record that a photo existed (its type and fingerprint) stays, with your reason.</source>
        <translation>&lt;b&gt;រូបថតនឹងត្រូវបំផ្លាញ ហើយមិនអាចយកមកវិញបានទេ&lt;/b&gt; — ទាំងអ្នក និងទីស្នាក់ការកណ្តាល។ មានតែកំណត់ត្រាថារូបថតធ្លាប់មាន (ប្រភេទ និងស្នាមម្រាមដៃឌីជីថលរបស់វា) ប៉ុណ្ណោះដែលនៅសល់ ជាមួយមូលហេតុរបស់អ្នក។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why must this photo be destroyed?</source>
        <translation>ហេតុអ្វីត្រូវបំផ្លាញរូបថតនេះ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for purging</source>
        <translation>មូលហេតុនៃការលុបចោលជាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason</source>
        <translation>មូលហេតុ (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Purge for ever</source>
        <translation>លុបចោលជារៀងរហូត (&amp;P)</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="+85"/>
        <source>&amp;Select All</source>
        <translation>ជ្រើសទាំងអស់ (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step up</source>
        <translation>បង្កើន (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;down</source>
        <translation>បន្ថយ (&amp;D)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-50"/>
        <source>Look in:</source>
        <translation>មើលក្នុង៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះឯកសារ (&amp;N)៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>ប្រភេទឯកសារ៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>ថតមេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>ទិដ្ឋភាពបញ្ជី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>ទិដ្ឋភាពលម្អិត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>បើក (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose</source>
        <translation>ជ្រើសរើស (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>រក្សាទុកជា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Directory</source>
        <translation>ស្វែងរកថត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>ថតថ្មី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>ថតថ្មី (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>ប្តូរឈ្មោះ (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញឯកសារលាក់ (&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>ថត៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directories</source>
        <translation>ថត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>ទីតាំងថ្មីៗ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>កុំព្យូទ័រ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 មានរួចហើយ។
តើអ្នកចង់ជំនួសវាឬ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>តើអ្នកប្រាកដថាចង់លុប &apos;%1&apos; ឬ?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>កាលបរិច្ឆេទកែប្រែ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-42"/>
        <source>Show Details...</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>លាក់ព័ត៌មានលម្អិត...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-19"/>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>រក្សាទុកទាំងអស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>បាទ/ចាស (&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>បាទ/ចាស ទាំងអស់ (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>ទេ (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>ទេ ទាំងអស់ (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>បញ្ឈប់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>ព្យាយាមម្តងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>មិនអើពើ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>បោះចោល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>អនុវត្ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>កំណត់ឡើងវិញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>ស្តារការកំណត់ដើម</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+44"/>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/screens/interview_dialogs.py" line="+17"/>
        <source>Amend the screening</source>
        <translation>កែតម្រូវការពិនិត្យ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say why this final screening is changed (for example: the person said more in a second interview). The reason is kept with the new version.</source>
        <translation>សូមបញ្ជាក់ពីមូលហេតុដែលការពិនិត្យស្ថាពរនេះត្រូវផ្លាស់ប្តូរ (ឧទាហរណ៍៖ បុគ្គលនោះបានប្រាប់បន្ថែមក្នុងការសម្ភាសន៍លើកទីពីរ)។ មូលហេតុនឹងត្រូវរក្សាទុកជាមួយកំណែថ្មី។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reason (required)</source>
        <translation>មូលហេតុ (ចាំបាច់) (&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start amending</source>
        <translation>ចាប់ផ្តើមកែតម្រូវ</translation>
    </message>
    <message>
        <location filename="../../ui/hq/common.py" line="+41"/>
        <source>Reason (at least 5 characters)</source>
        <translation>មូលហេតុ (យ៉ាងហោចណាស់ ៥ តួអក្សរ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>មូលហេតុ</translation>
    </message>
</context>
<context>
    <name>RecordHeader</name>
    <message>
        <location filename="../../ui/screens/interview_header.py" line="+28"/>
        <source>Screening</source>
        <translation>ការពិនិត្យកំណត់អត្តសញ្ញាណ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading…</source>
        <translation>កំពុងផ្ទុក…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amend…</source>
        <translation>កែតម្រូវ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save amendment</source>
        <translation>រក្សាទុកការកែតម្រូវ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and close this screening</source>
        <translation>រក្សាទុក ហើយបិទការពិនិត្យនេះ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Draft: saved as you type</source>
        <translation>សេចក្តីព្រាង៖ រក្សាទុកស្វ័យប្រវត្តិពេលអ្នកវាយ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final, version %1</source>
        <translation>ស្ថាពរ កំណែទី %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>amending: %1</source>
        <translation>កំពុងកែតម្រូវ៖ %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only a team lead can amend a screening.</source>
        <translation>មានតែប្រធានក្រុមប៉ុណ្ណោះដែលអាចកែតម្រូវការពិនិត្យបាន។</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>មិនបានរក្សាទុក៖ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes are saved when you press &quot;Save amendment&quot;.</source>
        <translation>ការផ្លាស់ប្តូរនឹងត្រូវរក្សាទុក នៅពេលអ្នកចុច &quot;រក្សាទុកការកែតម្រូវ&quot;។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>កំពុងរក្សាទុក…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes not saved yet</source>
        <translation>ការផ្លាស់ប្តូរមិនទាន់បានរក្សាទុក</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All changes saved</source>
        <translation>ការផ្លាស់ប្តូរទាំងអស់បានរក្សាទុក</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing recorded yet</source>
        <translation>មិនទាន់មានអ្វីកត់ត្រានៅឡើយ</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/screens/referral.py" line="+38"/>
        <source>sent</source>
        <translation>បានបញ្ជូន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>បានទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>បានបដិសេធ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not handed over yet</source>
        <translation>មិនទាន់ប្រគល់</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} ({role}), signed {mark}</source>
        <translation>{name} ({role}) បានចុះហត្ថលេខា {mark}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the signed copy at HQ</source>
        <translation>ពីច្បាប់ចម្លងដែលមានហត្ថលេខានៅទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by HQ</source>
        <translation>ដោយទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(recorded by {who}{via})</source>
        <translation>(កត់ត្រាដោយ {who}{via})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Referral</source>
        <translation>ការបញ្ជូន</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The receiving officer writes their initials here</source>
        <translation>មន្ត្រីទទួលសរសេរអក្សរកាត់ឈ្មោះរបស់ខ្លួននៅទីនេះ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record (signed)</source>
        <translation>កត់ត្រា (មានហត្ថលេខា) (&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;What happened</source>
        <translation>អ្វីដែលបានកើតឡើង (&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving &amp;officer</source>
        <translation>មន្ត្រីទទួល (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their ro&amp;le</source>
        <translation>តួនាទីរបស់ពួកគេ (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their &amp;signature mark</source>
        <translation>សញ្ញាហត្ថលេខារបស់ពួកគេ (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reaso&amp;n (refused or closed)</source>
        <translation>មូលហេតុ (បដិសេធ ឬបិទ) (&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hand the laptop to the receiving officer: they type their name, role and initials. The step is signed by you, on their behalf.</source>
        <translation>ហុចកុំព្យូទ័រទៅមន្ត្រីទទួល៖ ពួកគេវាយឈ្មោះ តួនាទី និងអក្សរកាត់ឈ្មោះរបស់ខ្លួន។ ជំហាននេះត្រូវបានចុះហត្ថលេខាដោយអ្នក ជំនួសពួកគេ។</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Status: {status}</source>
        <translation>ស្ថានភាព៖ {status}</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../ui/hq/referrals.py" line="+64"/>
        <source>Only &amp;unacknowledged after</source>
        <translation>តែការបញ្ជូនដែលមិនទាន់បានបញ្ជាក់ទទួល ក្រោយ (&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> ថ្ងៃ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving body</source>
        <translation>ស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>បានបញ្ជូន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>ថ្ងៃ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referrals</source>
        <translation>ការបញ្ជូន</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verification code on the returned signed copy (typed or scanned)</source>
        <translation>លេខកូដផ្ទៀងផ្ទាត់នៅលើច្បាប់ចម្លងមានហត្ថលេខាដែលបានផ្ញើត្រឡប់មកវិញ (វាយ ឬស្កេន)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Received</source>
        <translation>បានទទួល (&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fused…</source>
        <translation>បានបដិសេធ… (&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose referral…</source>
        <translation>បិទការបញ្ជូន… (&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Map to a directory entry…</source>
        <translation>ផ្គូផ្គងទៅធាតុក្នុងបញ្ជី… (&amp;M)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed copy &amp;code</source>
        <translation>លេខកូដច្បាប់ចម្លងមានហត្ថលេខា (&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n referral(s)</source>
        <translation>
            <numerusform>ការបញ្ជូន %n</numerusform>
            <numerusform>ការបញ្ជូន %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} (typed: not in the directory)</source>
        <translation>{name} (វាយដោយដៃ៖ មិនមានក្នុងបញ្ជី)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+15"/>
        <location line="+15"/>
        <source>{reference} is now {status}.</source>
        <translation>{reference} ឥឡូវ {status}។</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Refused</source>
        <translation>បានបដិសេធ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why did the receiving body refuse the person (as the copy says)?</source>
        <translation>ហេតុអ្វីស្ថាប័នទទួលបដិសេធបុគ្គលនោះ (តាមច្បាប់ចម្លង)?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Close referral</source>
        <translation>បិទការបញ្ជូន</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is this referral closed?</source>
        <translation>ហេតុអ្វីការបញ្ជូននេះត្រូវបិទ?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Map to a directory entry</source>
        <translation>ផ្គូផ្គងទៅធាតុក្នុងបញ្ជី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is “{typed}” the directory&apos;s “{name}”?</source>
        <translation>ហេតុអ្វី “{typed}” ជា “{name}” ក្នុងបញ្ជី?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{reference} now names an entry of the directory.</source>
        <translation>{reference} ឥឡូវដាក់ឈ្មោះធាតុមួយក្នុងបញ្ជី។</translation>
    </message>
</context>
<context>
    <name>RespondentWindow</name>
    <message>
        <location filename="../../ui/screens/respondent.py" line="+84"/>
        <source>For the person</source>
        <translation>សម្រាប់បុគ្គលនោះ</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Officer: close</source>
        <translation>មន្ត្រី៖ បិទ</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>No speaker found: the recorded question cannot be played.</source>
        <translation>រកមិនឃើញឧបករណ៍បំពងសំឡេង៖ មិនអាចចាក់សំណួរដែលបានថតទុកបានទេ។</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/hq/review.py" line="+84"/>
        <source>Record</source>
        <translation>កំណត់ត្រា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>វាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Value A</source>
        <translation>តម្លៃ A</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Value B</source>
        <translation>តម្លៃ B</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Found at</source>
        <translation>បានរកឃើញនៅ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why this value? (at least 5 characters; kept with the decision)</source>
        <translation>ហេតុអ្វីតម្លៃនេះ? (យ៉ាងហោចណាស់ ៥ តួអក្សរ; រក្សាទុកជាមួយការសម្រេចចិត្ត)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>មូលហេតុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolve</source>
        <translation>ដោះស្រាយ (&amp;R)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Nothing waits for review.</source>
        <translation>គ្មានអ្វីរង់ចាំការពិនិត្យឡើងវិញទេ។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{record}: the field “{field}” was changed on two laptops that could not see each other&apos;s change. Keep one value.</source>
        <translation>{record}៖ វាល “{field}” ត្រូវបានផ្លាស់ប្តូរលើកុំព្យូទ័រយួរដៃពីរ ដែលមិនអាចឃើញការផ្លាស់ប្តូររបស់គ្នាទៅវិញទៅមក។ សូមរក្សាតម្លៃមួយ។</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Resolved: {record} keeps “{value}” for {field}.</source>
        <translation>បានដោះស្រាយ៖ {record} រក្សា “{value}” សម្រាប់ {field}។</translation>
    </message>
</context>
<context>
    <name>ScreeningEditor</name>
    <message>
        <location filename="../../ui/screens/interview_record.py" line="+235"/>
        <source>Saving failed unexpectedly.</source>
        <translation>ការរក្សាទុកបានបរាជ័យដោយមិនបានរំពឹងទុក។</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/hq/settings.py" line="+37"/>
        <location filename="../../ui/screens/dialogs.py" line="-45"/>
        <source>Settings</source>
        <translation>ការកំណត់</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The duplicate search proposes pairs whose match probability is at least the first threshold, and marks them as likely the same person from the second. The probability comes from the linkage model estimated from HQ&apos;s own records.</source>
        <translation>ការស្វែងរកកំណត់ត្រាស្ទួនស្នើគូដែលមានប្រូបាប៊ីលីតេនៃការផ្គូផ្គងយ៉ាងហោចណាស់ស្មើកម្រិតទីមួយ ហើយសម្គាល់ថាទំនងជាមនុស្សតែមួយចាប់ពីកម្រិតទីពីរ។ ប្រូបាប៊ីលីតេនេះមកពីគំរូភ្ជាប់កំណត់ត្រា ដែលបានប៉ាន់ស្មានពីកំណត់ត្រាផ្ទាល់របស់ទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Propose pairs from</source>
        <translation>ស្នើគូចាប់ពី</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Likely the same person from</source>
        <translation>ទំនងជាមនុស្សតែមួយចាប់ពី</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dialogs.py" line="+3"/>
        <source> min</source>
        <translation> នាទី</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask every time</source>
        <translation>សួររាល់ពេល</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> ថ្ងៃ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock after &amp;idle</source>
        <translation>ចាក់សោក្រោយពេលទំនេរ (&amp;I)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Printer</source>
        <translation>ម៉ាស៊ីនបោះពុម្ព (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep records HQ has received for</source>
        <translation>រក្សាកំណត់ត្រាដែលទីស្នាក់ការកណ្តាលបានទទួលរយៈពេល</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The current operation is chosen in the toolbar.</source>
        <translation>ប្រតិបត្តិការបច្ចុប្បន្នត្រូវជ្រើសរើសនៅរបារឧបករណ៍។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>During an interview the app waits %1 minutes before it locks: an interpreter may talk for a long time while nobody touches the keyboard. Ctrl+L or Ctrl+Shift+L lock at once, even in a dialog.</source>
        <translation>ក្នុងអំឡុងការសម្ភាស កម្មវិធីរង់ចាំ %1 នាទី មុននឹងចាក់សោ៖ អ្នកបកប្រែអាចនិយាយយូរ ខណៈដែលគ្មាននរណាប៉ះក្ដារចុច។ Ctrl+L ឬ Ctrl+Shift+L ចាក់សោភ្លាមៗ សូម្បីតែក្នុងប្រអប់។</translation>
    </message>
</context>
<context>
    <name>SexChoice</name>
    <message>
        <location filename="../../ui/widgets/person_fields.py" line="-168"/>
        <source>Female (F)</source>
        <translation>ស្រី (F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male (M)</source>
        <translation>ប្រុស (M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (O)</source>
        <translation>ផ្សេងទៀត (O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known (U)</source>
        <translation>មិនដឹង (U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press F, M, O or U</source>
        <translation>ចុច F, M, O ឬ U</translation>
    </message>
</context>
<context>
    <name>StepNavigator</name>
    <message>
        <location filename="../../ui/screens/interview_navigation.py" line="+27"/>
        <source>Interview steps</source>
        <translation>ជំហានសម្ភាសន៍</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>← &amp;Back</source>
        <translation>← ថយក្រោយ (&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous step (Ctrl+PgUp or Alt+Left)</source>
        <translation>ជំហានមុន (Ctrl+PgUp ឬ Alt+Left)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next →</source>
        <translation>បន្ទាប់ (&amp;N) →</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step (Ctrl+PgDown or Alt+Right)</source>
        <translation>ជំហានបន្ទាប់ (Ctrl+PgDown ឬ Alt+Right)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Answer the consent question first</source>
        <translation>សូមឆ្លើយសំណួរអំពីការយល់ព្រមជាមុនសិន</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/screens/sync.py" line="+108"/>
        <source>Sync with HQ</source>
        <translation>ធ្វើសមកាលកម្មជាមួយទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>HQ compares this with the fingerprint its Devices tab shows before it approves this laptop.</source>
        <translation>ទីស្នាក់ការកណ្តាលប្រៀបធៀបវានេះជាមួយស្នាមម្រាមដៃដែលផ្ទាំងឧបករណ៍របស់ខ្លួនបង្ហាញ មុនពេលអនុម័តកុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HQ:</source>
        <translation>ទីស្នាក់ការកណ្តាល៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop&apos;s key fingerprint:</source>
        <translation>ស្នាមម្រាមដៃកូនសោរបស់កុំព្យូទ័រនេះ៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s key:</source>
        <translation>កូនសោរបស់ទីស្នាក់ការកណ្តាល៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged by HQ:</source>
        <translation>ទីស្នាក់ការកណ្តាលបានទទួលស្គាល់៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet at HQ:</source>
        <translation>មិនទាន់ដល់ទីស្នាក់ការកណ្តាល៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle:</source>
        <translation>កញ្ចប់ចុងក្រោយ៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last receipt:</source>
        <translation>បង្កាន់ដៃចុងក្រោយ៖</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>USB stick</source>
        <translation>ឧបករណ៍ USB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look for sticks again</source>
        <translation>ស្វែងរកឧបករណ៍ USB ម្តងទៀត</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export to USB stick…</source>
        <translation>នាំចេញទៅឧបករណ៍ USB…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to a folder…</source>
        <translation>នាំចេញទៅថតឯកសារ…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Network</source>
        <translation>បណ្ដាញ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to HQ over the network</source>
        <translation>ផ្ញើទៅទីស្នាក់ការកណ្តាលតាមបណ្ដាញ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask HQ for its receipt</source>
        <translation>សុំបង្កាន់ដៃពីទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load receipt…</source>
        <translation>ផ្ទុកបង្កាន់ដៃ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load enrolment file…</source>
        <translation>ផ្ទុកឯកសារចុះឈ្មោះ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purge acknowledged records…</source>
        <translation>លុបកំណត់ត្រាដែលបានទទួលស្គាល់…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Not enrolled: load HQ&apos;s enrolment file first.</source>
        <translation>មិនទាន់ចុះឈ្មោះ៖ សូមផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events up to {seq}</source>
        <translation>ព្រឹត្តិការណ៍រហូតដល់ {seq}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} changes</source>
        <translation>ការផ្លាស់ប្តូរ {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>up to event {seq} ({hash}…)</source>
        <translation>រហូតដល់ព្រឹត្តិការណ៍ {seq} ({hash}…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>none yet</source>
        <translation>មិនទាន់មាន</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next bundle needs about {size} MB.</source>
        <translation>កញ្ចប់បន្ទាប់ត្រូវការប្រហែល {size} MB។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none yet (not enrolled)</source>
        <translation>មិនទាន់មាន (មិនទាន់ចុះឈ្មោះ)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{fingerprint}
HQ changed its key on {at} (from {old}), in a statement signed by the key this laptop trusted before.</source>
        <translation>{fingerprint}
ទីស្នាក់ការកណ្តាលបានប្តូរកូនសោរបស់ខ្លួននៅថ្ងៃ {at} (ពី {old}) ដោយសេចក្តីថ្លែងដែលចុះហត្ថលេខាដោយកូនសោដែលកុំព្យូទ័រនេះបានទុកចិត្តពីមុន។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HQ at {url}</source>
        <translation>ទីស្នាក់ការកណ្តាលនៅ {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This laptop&apos;s enrolment has no network address: use a USB stick.</source>
        <translation>ការចុះឈ្មោះកុំព្យូទ័រនេះគ្មានអាសយដ្ឋានបណ្ដាញទេ៖ សូមប្រើ USB។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({path}): {free} MB free</source>
        <translation>{name} ({path})៖ ទំនេរ {free} MB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No USB stick found. Plug one in, then look again.</source>
        <translation>រកមិនឃើញឧបករណ៍ USB ទេ។ សូមដោតមួយ រួចស្វែងរកម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This stick is too small: it has {free} MB free, the bundle needs about {size} MB. Use a bigger stick.</source>
        <translation>ឧបករណ៍ USB នេះតូចពេក៖ វាទំនេរ {free} MB ប៉ុន្តែកញ្ចប់ត្រូវការប្រហែល {size} MB។ សូមប្រើឧបករណ៍ធំជាងនេះ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wait: the task under way must finish first.</source>
        <translation>សូមរង់ចាំ៖ កិច្ចការដែលកំពុងដំណើរការត្រូវតែបញ្ចប់សិន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading this laptop&apos;s sync state…</source>
        <translation>កំពុងអានស្ថានភាពសមកាលកម្មរបស់កុំព្យូទ័រនេះ…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This laptop is not enrolled: load HQ&apos;s enrolment file first.</source>
        <translation>កុំព្យូទ័រនេះមិនទាន់ចុះឈ្មោះទេ៖ សូមផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No USB stick found. Plug one in and press “Look for sticks again”, or export to a folder.</source>
        <translation>រកមិនឃើញ USB ទេ។ សូមដោត USB មួយ ហើយចុច “រក USB ម្តងទៀត” ឬនាំចេញទៅថតឯកសារ។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The stick is too small for the bundle: use a bigger one, or export to a folder.</source>
        <translation>USB តូចពេកសម្រាប់កញ្ចប់នេះ៖ សូមប្រើ USB ធំជាងនេះ ឬនាំចេញទៅថតឯកសារ។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This laptop&apos;s enrolment has no network address: use a USB stick or a folder.</source>
        <translation>ការចុះឈ្មោះរបស់កុំព្យូទ័រនេះគ្មានអាសយដ្ឋានបណ្តាញទេ៖ សូមប្រើ USB ឬថតឯកសារ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a team lead can purge records.</source>
        <translation>មានតែប្រធានក្រុមទេដែលអាចលុបកំណត់ត្រាបាន។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only an admin can load HQ&apos;s enrolment file.</source>
        <translation>មានតែអ្នកគ្រប់គ្រងទេដែលអាចផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលបាន។</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{action} is not available: {reason}</source>
        <translation>{action} មិនអាចប្រើបានទេ៖ {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>HQ&apos;s enrolment file</source>
        <translation>ឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrolment files (*.json)</source>
        <translation>ឯកសារចុះឈ្មោះ (*.json)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Writing the bundle… do not remove the stick.</source>
        <translation>កំពុងសរសេរកញ្ចប់… កុំដកឧបករណ៍ USB ចេញ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to USB stick</source>
        <translation>នាំចេញទៅឧបករណ៍ USB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the bundle</source>
        <translation>ថតឯកសារសម្រាប់កញ្ចប់</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Writing the bundle to {folder}…</source>
        <translation>កំពុងសរសេរកញ្ចប់ទៅ {folder}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to a folder</source>
        <translation>នាំចេញទៅថតឯកសារ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing and checking the bundle</source>
        <translation>កំពុងសរសេរ និងពិនិត្យកញ្ចប់</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+35"/>
        <source>Nothing to send: HQ has acknowledged every change of this laptop.</source>
        <translation>គ្មានអ្វីត្រូវផ្ញើទេ៖ ទីស្នាក់ការកណ្តាលបានទទួលស្គាល់រាល់ការផ្លាស់ប្តូររបស់កុំព្យូទ័រនេះហើយ។</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Bundle of {events} changes ({size} MB) written and read back. Safe to remove the stick.</source>
        <translation>កញ្ចប់នៃការផ្លាស់ប្តូរ {events} ({size} MB) ត្រូវបានសរសេរ និងអានផ្ទៀងផ្ទាត់វិញហើយ។ អាចដកឧបករណ៍ USB ចេញដោយសុវត្ថិភាព។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bundle of {events} changes ({size} MB) written and read back: {file}</source>
        <translation>កញ្ចប់នៃការផ្លាស់ប្តូរ {events} ({size} MB) ត្រូវបានសរសេរ និងអានត្រឡប់មកវិញ៖ {file}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending to HQ… a cut connection resumes where it stopped.</source>
        <translation>កំពុងផ្ញើទៅទីស្នាក់ការកណ្តាល… បើការតភ្ជាប់ដាច់ វានឹងបន្តពីកន្លែងដែលឈប់។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to HQ</source>
        <translation>ផ្ញើទៅទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sent {size} MB. HQ has received this laptop&apos;s changes up to {after}.</source>
        <translation>បានផ្ញើ {size} MB។ ទីស្នាក់ការកណ្តាលបានទទួលការផ្លាស់ប្តូររបស់កុំព្យូទ័រនេះរហូតដល់ {after}។</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>HQ&apos;s receipt</source>
        <translation>បង្កាន់ដៃរបស់ទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipts (*.json)</source>
        <translation>បង្កាន់ដៃ (*.json)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>HQ has received this laptop&apos;s changes up to {after} (was {before}).</source>
        <translation>ទីស្នាក់ការកណ្តាលបានទទួលការផ្លាស់ប្តូររបស់កុំព្យូទ័រនេះរហូតដល់ {after} (ពីមុន {before})។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receipt checked: HQ had already acknowledged these. Nothing changed.</source>
        <translation>បានពិនិត្យបង្កាន់ដៃ៖ ទីស្នាក់ការកណ្តាលបានទទួលស្គាល់ទាំងនេះរួចហើយ។ គ្មានអ្វីផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing to purge: no person is both acknowledged by HQ and past the retention period.</source>
        <translation>គ្មានអ្វីត្រូវលុបទេ៖ គ្មានបុគ្គលណាដែលទីស្នាក់ការកណ្តាលបានទទួលស្គាល់ និងហួសរយៈពេលរក្សាទុកនោះទេ។</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Purge acknowledged records</source>
        <translation>លុបកំណត់ត្រាដែលបានទទួលស្គាល់</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Remove {persons} persons from this laptop: their names and personal details, {photos} photos and {documents} issued forms? HQ holds them; ids and hashes stay here. This cannot be undone.</source>
        <translation>ដកបុគ្គល {persons} នាក់ចេញពីកុំព្យូទ័រនេះ៖ ឈ្មោះ និងព័ត៌មានផ្ទាល់ខ្លួន រូបថត {photos} និងទម្រង់ដែលបានចេញ {documents}? ទីស្នាក់ការកណ្តាលរក្សាទុកពួកវា ហើយលេខសម្គាល់ និងហាស់នៅតែនៅទីនេះ។ សកម្មភាពនេះមិនអាចត្រឡប់វិញបានទេ។</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Purging persons</source>
        <translation>កំពុងលុបបុគ្គល</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Purged {persons} persons ({photos} photos, {documents} issued forms).</source>
        <translation>បានលុបបុគ្គល {persons} នាក់ (រូបថត {photos} ទម្រង់ដែលបានចេញ {documents})។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: the others are kept.</source>
        <translation>បានបោះបង់៖ អ្នកផ្សេងទៀតនៅតែរក្សាទុក។</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/widgets/unlock_page.py" line="+17"/>
        <source>Language</source>
        <translation>ភាសា</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../ui/screens/unlock.py" line="+76"/>
        <source>Unlock the vault</source>
        <translation>ដោះសោឃ្លាំងទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Officer</source>
        <translation>មន្ត្រី</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>ឃ្លាសម្ងាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>ដោះសោ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unlocking</source>
        <translation>កំពុងដោះសោ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Look again</source>
        <translation>ពិនិត្យម្តងទៀត</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Officer</source>
        <translation>មន្ត្រី (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Passphrase</source>
        <translation>ឃ្លាសម្ងាត់ (&amp;P)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No vault here yet ({folder}). Create one for this laptop below — you become its first officer (admin) — or open the demo vault with made-up people to practise.</source>
        <translation>មិនទាន់មានឃ្លាំងទិន្នន័យនៅទីនេះទេ ({folder})។ សូមបង្កើតមួយសម្រាប់កុំព្យូទ័រនេះខាងក្រោម — អ្នកនឹងក្លាយជាមន្ត្រីទីមួយ (អ្នកគ្រប់គ្រង) — ឬបើកឃ្លាំងទិន្នន័យសាកល្បងដែលមានមនុស្សប្រឌិត ដើម្បីហាត់អនុវត្ត។</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>At least 10 characters; four or more words are best</source>
        <translation>យ៉ាងតិច ១០ តួអក្សរ; ល្អបំផុតគឺបួនពាក្យ ឬច្រើនជាងនេះ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create the vault</source>
        <translation>បង្កើតឃ្លាំងទិន្នន័យ (&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the &amp;demo vault</source>
        <translation>បើកឃ្លាំងទិន្នន័យសាកល្បង (&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your &amp;name</source>
        <translation>ឈ្មោះរបស់អ្នក (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New pass&amp;phrase</source>
        <translation>ឃ្លាសម្ងាត់ថ្មី (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it a&amp;gain</source>
        <translation>វាយម្តងទៀត (&amp;G)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Welcome. That was the one-time passphrase your admin gave you: now choose your own. Nobody else will know it, and from now on only it unlocks the vault for you.</source>
        <translation>សូមស្វាគមន៍។ នោះជាឃ្លាសម្ងាត់ប្រើតែម្តងដែលអ្នកគ្រប់គ្រងបានផ្តល់ឱ្យអ្នក៖ ឥឡូវនេះ សូមជ្រើសរើសឃ្លាសម្ងាត់ផ្ទាល់ខ្លួនរបស់អ្នក។ គ្មាននរណាម្នាក់ផ្សេងទៀតនឹងដឹងវាទេ ហើយចាប់ពីពេលនេះតទៅ មានតែវាប៉ុណ្ណោះដែលដោះសោឃ្លាំងទិន្នន័យសម្រាប់អ្នក។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Four or more unrelated words</source>
        <translation>ពាក្យបួន ឬច្រើនជាងនេះ ដែលមិនទាក់ទងគ្នា</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use my own passphrase</source>
        <translation>ប្រើឃ្លាសម្ងាត់ផ្ទាល់ខ្លួនរបស់ខ្ញុំ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your own passphrase</source>
        <translation>ឃ្លាសម្ងាត់ផ្ទាល់ខ្លួនរបស់អ្នក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type it again</source>
        <translation>វាយម្តងទៀត</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>The two passphrases differ.</source>
        <translation>ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Creating the vault...</source>
        <translation>កំពុងបង្កើតឃ្លាំងទិន្នន័យ...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Preparing the demo vault...</source>
        <translation>កំពុងរៀបចំឃ្លាំងទិន្នន័យសាកល្បង...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo vault: every demo officer&apos;s passphrase is “{passphrase}”.</source>
        <translation>ឃ្លាំងទិន្នន័យសាកល្បង៖ ឃ្លាសម្ងាត់របស់មន្ត្រីសាកល្បងគ្រប់រូបគឺ “{passphrase}”។</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Type your passphrase first.</source>
        <translation>សូមវាយឃ្លាសម្ងាត់របស់អ្នកជាមុនសិន។</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+81"/>
        <source>Unlocking...</source>
        <translation>កំពុងដោះសោ...</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The passphrase is not right. Check the officer and try again.</source>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវទេ។ សូមពិនិត្យឈ្មោះមន្ត្រី ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Too many wrong passphrases. Try again in {seconds} s</source>
        <translation>វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល {seconds} វិនាទី</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/screens/trust.py" line="+21"/>
        <source>Check a handover form</source>
        <translation>ផ្ទៀងផ្ទាត់ទម្រង់ប្រគល់</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HV1-XXXX-XXXX-XXXX-XXXX-XXXX, or a scanned code</source>
        <translation>HV1-XXXX-XXXX-XXXX-XXXX-XXXX ឬលេខកូដដែលបានស្កេន</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the code</source>
        <translation>ផ្ទៀងផ្ទាត់លេខកូដ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a PDF file…</source>
        <translation>ផ្ទៀងផ្ទាត់ឯកសារ PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Check a PDF file</source>
        <translation>ផ្ទៀងផ្ទាត់ឯកសារ PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WristbandsDialog</name>
    <message>
        <location filename="../../ui/screens/wristbands.py" line="+28"/>
        <source>Print wristbands</source>
        <translation>បោះពុម្ពខ្សែដៃ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4 sheet, 24 labels (70 × 37 mm)</source>
        <translation>ក្រដាស A4 ស្លាក ២៤ (៧០ × ៣៧ ម.ម)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thermal label 50 × 25 mm</source>
        <translation>ស្លាកកម្ដៅ ៥០ × ២៥ ម.ម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thermal wristband 25 mm</source>
        <translation>ខ្សែដៃកម្ដៅ ២៥ ម.ម</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Everyone registered in this operation</source>
        <translation>អ្នកដែលបានចុះឈ្មោះទាំងអស់ក្នុងប្រតិបត្តិការនេះ (&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reserve new ids and print them ahead (paper fallback)</source>
        <translation>បម្រុងលេខថ្មី ហើយបោះពុម្ពទុកជាមុន (សម្រាប់ប្រើក្រដាសពេលដាច់ភ្លើង) (&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A band shows only the temporary id, its check letter and a QR code: no name, no photo, no colour. Ids reserved ahead are never given to anyone else; a person keyed in later keeps the id on their band.</source>
        <translation>ខ្សែដៃបង្ហាញតែលេខបណ្ដោះអាសន្ន អក្សរផ្ទៀងផ្ទាត់ និងកូដ QR ប៉ុណ្ណោះ៖ គ្មានឈ្មោះ គ្មានរូបថត គ្មានពណ៌។ លេខដែលបានបម្រុងទុកមិនត្រូវផ្ដល់ឱ្យអ្នកផ្សេងទេ ហើយបុគ្គលដែលបញ្ចូលនៅពេលក្រោយរក្សាលេខនៅលើខ្សែដៃរបស់ខ្លួន។</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label &amp;stock</source>
        <translation>ប្រភេទស្លាក (&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How &amp;many ids</source>
        <translation>ចំនួនលេខ (&amp;M)</translation>
    </message>
</context>
<context>
    <name>YesNoChoice</name>
    <message>
        <location filename="../../ui/widgets/choices.py" line="+37"/>
        <source>Yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>ទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked</source>
        <translation>មិនបានសួរ</translation>
    </message>
</context>
<context>
    <name>_PersonPanel</name>
    <message>
        <location filename="../../ui/hq/duplicates.py" line="-338"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in own script</source>
        <translation>ឈ្មោះជាអក្សរផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other names</source>
        <translation>ឈ្មោះផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>ភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>អាយុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number</source>
        <translation>លេខឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary id: {temp_id}</source>
        <translation>លេខសម្គាល់បណ្តោះអាសន្ន៖ {temp_id}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Operation: {operation}</source>
        <translation>ប្រតិបត្តិការ៖ {operation}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Laptop: {laptop} · officer: {officer}</source>
        <translation>កុំព្យូទ័រយួរដៃ៖ {laptop} · មន្ត្រី៖ {officer}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Already linked to another record.</source>
        <translation>បានភ្ជាប់ទៅកំណត់ត្រាមួយផ្សេងទៀតរួចហើយ។</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No portrait</source>
        <translation>គ្មានរូបថតមុខ</translation>
    </message>
</context>
<context>
    <name>_Side</name>
    <message>
        <location filename="../../ui/hq/review.py" line="-155"/>
        <source>Keep this value</source>
        <translation>រក្សាតម្លៃនេះ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Laptop: {laptop}
Officer: {officer}
Changed at: {at}</source>
        <translation>កុំព្យូទ័រយួរដៃ៖ {laptop}
មន្ត្រី៖ {officer}
បានផ្លាស់ប្តូរនៅ៖ {at}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../fieldapp/errors.py" line="+508"/>
        <source>add officers</source>
        <translation>បន្ថែមមន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amend a final record</source>
        <translation>កែតម្រូវកំណត់ត្រាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change officers&apos; roles</source>
        <translation>ប្តូរតួនាទីមន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable officers</source>
        <translation>បិទមន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enrol this laptop with HQ</source>
        <translation>ចុះឈ្មោះកុំព្យូទ័រនេះជាមួយទីស្នាក់ការកណ្តាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finalise a record</source>
        <translation>ធ្វើឱ្យកំណត់ត្រាស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hand a person over</source>
        <translation>ប្រគល់បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lift a &apos;do not notify&apos; flag</source>
        <translation>ដកសញ្ញា “កុំជូនដំណឹង”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notify an embassy</source>
        <translation>ជូនដំណឹងដល់ស្ថានទូត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purge a photo</source>
        <translation>លុបរូបថតចោល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purge records HQ has acknowledged</source>
        <translation>លុបកំណត់ត្រាដែលទីស្នាក់ការកណ្តាលបានទទួលស្គាល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>re-key the vault</source>
        <translation>ប្តូរកូនសោឃ្លាំងទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record what the receiving body did</source>
        <translation>កត់ត្រាអ្វីដែលស្ថាប័នទទួលបានធ្វើ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set this laptop&apos;s station</source>
        <translation>កំណត់ស្ថានីយរបស់កុំព្យូទ័រនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdraw a record</source>
        <translation>ដកកំណត់ត្រាចេញ</translation>
    </message>
</context>
<context>
    <name>case_status</name>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>បានបិទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation claimed</source>
        <translation>បានទាមទារសំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation received</source>
        <translation>បានទទួលសំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In shelter</source>
        <translation>នៅក្នុងជម្រក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution</source>
        <translation>ការចោទប្រកាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-trafficked</source>
        <translation>ត្រូវបានជួញដូរម្តងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repatriated</source>
        <translation>បានធ្វើមាតុភូមិនិវត្តន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness</source>
        <translation>សាក្សី</translation>
    </message>
</context>
<context>
    <name>consent</name>
    <message>
        <location line="+1"/>
        <source>at the screening they said no to sharing their data with MoSVY / DoSVY (social affairs)</source>
        <translation>ពេលពិនិត្យ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយក្រសួង/មន្ទីរសង្គមកិច្ចទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the screening they said no to sharing their data with an NGO or IOM</source>
        <translation>ពេលពិនិត្យ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយអង្គការមិនមែនរដ្ឋាភិបាល ឬ IOMទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the screening they said no to sharing their data with the police</source>
        <translation>ពេលពិនិត្យ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយនគរបាលទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the screening they said no to sharing their data with their embassy or consulate</source>
        <translation>ពេលពិនិត្យ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយស្ថានទូត ឬកុងស៊ុលរបស់ពួកគេទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at this handover they said no to sharing their data with MoSVY / DoSVY (social affairs)</source>
        <translation>ពេលប្រគល់នេះ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយក្រសួង/មន្ទីរសង្គមកិច្ចទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at this handover they said no to sharing their data with an NGO or IOM</source>
        <translation>ពេលប្រគល់នេះ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយអង្គការមិនមែនរដ្ឋាភិបាល ឬ IOMទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at this handover they said no to sharing their data with the police</source>
        <translation>ពេលប្រគល់នេះ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយនគរបាលទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at this handover they said no to sharing their data with their embassy or consulate</source>
        <translation>ពេលប្រគល់នេះ សាមីខ្លួនមិនយល់ព្រមចែករំលែកព័ត៌មានជាមួយស្ថានទូត ឬកុងស៊ុលរបស់ពួកគេទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>they do not consent to this referral</source>
        <translation>សាមីខ្លួនមិនយល់ព្រមចំពោះការបញ្ជូននេះទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>they were never asked whether their data may be shared with MoSVY / DoSVY (social affairs)</source>
        <translation>មិនដែលបានសួរសាមីខ្លួនថា តើអាចចែករំលែកព័ត៌មានរបស់ពួកគេជាមួយក្រសួង/មន្ទីរសង្គមកិច្ចបានឬទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>they were never asked whether their data may be shared with an NGO or IOM</source>
        <translation>មិនដែលបានសួរសាមីខ្លួនថា តើអាចចែករំលែកព័ត៌មានរបស់ពួកគេជាមួយអង្គការមិនមែនរដ្ឋាភិបាល ឬ IOMបានឬទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>they were never asked whether their data may be shared with the police</source>
        <translation>មិនដែលបានសួរសាមីខ្លួនថា តើអាចចែករំលែកព័ត៌មានរបស់ពួកគេជាមួយនគរបាលបានឬទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>they were never asked whether their data may be shared with their embassy or consulate</source>
        <translation>មិនដែលបានសួរសាមីខ្លួនថា តើអាចចែករំលែកព័ត៌មានរបស់ពួកគេជាមួយស្ថានទូត ឬកុងស៊ុលរបស់ពួកគេបានឬទេ</translation>
    </message>
</context>
<context>
    <name>date range</name>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>ចាប់ពី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>ដល់</translation>
    </message>
</context>
<context>
    <name>device states</name>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>បានអនុម័ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked</source>
        <translation>បានដកសិទ្ធិ</translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <location line="+1"/>
        <source>same name</source>
        <translation>ឈ្មោះដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same passport or ID number</source>
        <translation>លេខលិខិតឆ្លងដែន ឬអត្តសញ្ញាណប័ណ្ណដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same photo</source>
        <translation>រូបថតដូចគ្នា</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="-31"/>
        <source>fieldapp</source>
        <translation>fieldapp</translation>
    </message>
    <message>
        <location filename="../../fieldapp/errors.py" line="-547"/>
        <source>A sound file in {name} does not match what HQ signed ({path}): nothing loaded.</source>
        <comment>audio.pack_file_altered</comment>
        <translation>ឯកសារសំឡេងមួយក្នុង {name} មិនត្រូវនឹងអ្វីដែលទីស្នាក់ការកណ្តាលបានចុះហត្ថលេខាទេ ({path})៖ មិនបានផ្ទុកអ្វីទាំងអស់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load HQ&apos;s enrolment file first: recorded prompts are checked against HQ&apos;s key.</source>
        <comment>audio.pack_not_enrolled</comment>
        <translation>សូមផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលជាមុនសិន៖ សំឡេងសំណួរត្រូវបានពិនិត្យជាមួយសោរបស់ទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recorded prompts in {name} are not signed by this laptop&apos;s HQ: not loaded.</source>
        <comment>audio.pack_not_signed</comment>
        <translation>សំឡេងសំណួរក្នុង {name} មិនត្រូវបានចុះហត្ថលេខាដោយទីស្នាក់ការកណ្តាលរបស់កុំព្យូទ័រនេះទេ៖ មិនបានផ្ទុក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a recorded-prompts pack from HQ ({reason}).</source>
        <comment>audio.pack_unreadable</comment>
        <translation>{name} មិនមែនជាកញ្ចប់សំឡេងសំណួរពីទីស្នាក់ការកណ្តាលទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The bundle does not hold what its manifest lists.</source>
        <comment>bundle.content_differs</comment>
        <translation>កញ្ចប់ទិន្នន័យមិនមានអ្វីដែលបញ្ជីរបស់វាបានរាយទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is incomplete (cut short).</source>
        <comment>bundle.cut_short</comment>
        <translation>កញ្ចប់ទិន្នន័យមិនពេញលេញ (ត្រូវបានកាត់ខ្លី)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle has data after its end marker.</source>
        <comment>bundle.data_after_end</comment>
        <translation>កញ្ចប់ទិន្នន័យមានទិន្នន័យនៅក្រោយសញ្ញាបញ្ចប់របស់វា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s end marker is damaged.</source>
        <comment>bundle.end_marker_damaged</comment>
        <translation>សញ្ញាបញ្ចប់របស់កញ្ចប់ទិន្នន័យត្រូវបានខូច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s end marker does not match what it holds.</source>
        <comment>bundle.end_marker_differs</comment>
        <translation>សញ្ញាបញ្ចប់របស់កញ្ចប់ទិន្នន័យមិនត្រូវនឹងអ្វីដែលវាមានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event in the bundle has fields of the wrong type.</source>
        <comment>bundle.event_field_types</comment>
        <translation>ព្រឹត្តិការណ៍មួយក្នុងកញ្ចប់ទិន្នន័យមានវាលខុសប្រភេទ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event in the bundle has missing or unexpected fields.</source>
        <comment>bundle.event_fields</comment>
        <translation>ព្រឹត្តិការណ៍មួយក្នុងកញ្ចប់ទិន្នន័យខ្វះវាល ឬមានវាលដែលមិនរំពឹងទុក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An event in the bundle is not readable JSON.</source>
        <comment>bundle.event_not_json</comment>
        <translation>ព្រឹត្តិការណ៍មួយក្នុងកញ្ចប់ទិន្នន័យមិនមែនជា JSON ដែលអាចអានបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s records are out of order (events after files).</source>
        <comment>bundle.events_after_files</comment>
        <translation>កំណត់ត្រាក្នុងកញ្ចប់ទិន្នន័យមិនតាមលំដាប់ (ព្រឹត្តិការណ៍នៅក្រោយឯកសារ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle holds more events than its manifest lists.</source>
        <comment>bundle.extra_events</comment>
        <translation>កញ្ចប់ទិន្នន័យមានព្រឹត្តិការណ៍ច្រើនជាងបញ្ជីរបស់វា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle holds more files than its manifest lists.</source>
        <comment>bundle.extra_files</comment>
        <translation>កញ្ចប់ទិន្នន័យមានឯកសារច្រើនជាងបញ្ជីរបស់វា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first volume {name}.001 of this bundle is missing.</source>
        <comment>bundle.first_volume_missing</comment>
        <translation>ភាគទីមួយ {name}.001 នៃកញ្ចប់ទិន្នន័យនេះបាត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s records are out of order (the manifest must come first, once).</source>
        <comment>bundle.manifest_not_first</comment>
        <translation>កំណត់ត្រាក្នុងកញ្ចប់ទិន្នន័យមិនតាមលំដាប់ (បញ្ជីត្រូវមកមុនគេ ហើយតែម្តង)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s manifest signature is not valid: it was altered or forged.</source>
        <comment>bundle.manifest_signature</comment>
        <translation>ហត្ថលេខានៃបញ្ជីកញ្ចប់ទិន្នន័យមិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែ ឬក្លែងបន្លំ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s manifest is not readable.</source>
        <comment>bundle.manifest_unreadable</comment>
        <translation>បញ្ជីរបស់កញ្ចប់ទិន្នន័យមិនអាចអានបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle holds an unknown or oversized record.</source>
        <comment>bundle.unknown_record</comment>
        <translation>កញ្ចប់ទិន្នន័យមានកំណត់ត្រាដែលមិនស្គាល់ ឬធំពេក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle cannot be read: {reason}.</source>
        <comment>bundle.unreadable</comment>
        <translation>មិនអាចអានកញ្ចប់ទិន្នន័យបានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle manifest version &apos;{version}&apos; is not supported here.</source>
        <comment>bundle.version_unsupported</comment>
        <translation>កំណែបញ្ជីកញ្ចប់ទិន្នន័យ &apos;{version}&apos; មិនត្រូវបានគាំទ្រនៅទីនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a fieldapp bundle (wrong inner format).</source>
        <comment>bundle.wrong_format</comment>
        <translation>នេះមិនមែនជាកញ្ចប់ទិន្នន័យ fieldapp ទេ (ទម្រង់ខាងក្នុងខុស)។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say which HQ folder to use: --hq-dir DIR.</source>
        <comment>cli.no_hq_dir</comment>
        <translation>សូមប្រាប់ថាត្រូវប្រើថតទីស្នាក់ការកណ្តាលណា៖ --hq-dir DIR។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase file has no line left for: {prompt}.</source>
        <comment>cli.no_line_left</comment>
        <translation>ឯកសារឃ្លាសម្ងាត់គ្មានបន្ទាត់សល់សម្រាប់៖ {prompt}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard input is not a terminal, so no passphrase can be asked: give --passphrase-file FILE (&apos;-&apos; reads standard input).</source>
        <comment>cli.no_prompt</comment>
        <translation>ការបញ្ចូលស្តង់ដារមិនមែនជាស្ថានីយទេ ដូច្នេះមិនអាចសួរឃ្លាសម្ងាត់បានទេ៖ សូមផ្តល់ --passphrase-file FILE (&apos;-&apos; អានពីការបញ្ចូលស្តង់ដារ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is too large to be a passphrase file (64 KiB at most).</source>
        <comment>cli.not_a_passphrase_file</comment>
        <translation>{path} ធំពេកដើម្បីជាឯកសារឃ្លាសម្ងាត់ (យ៉ាងច្រើន 64 KiB)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not UTF-8 text; save it as UTF-8 and try again.</source>
        <comment>cli.not_utf8</comment>
        <translation>{path} មិនមែនជាអត្ថបទ UTF-8 ទេ សូមរក្សាទុកវាជា UTF-8 ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ.</source>
        <comment>cli.passphrases_differ</comment>
        <translation>ឃ្លាសម្ងាត់ទាំងពីរខុសគ្នា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several officers can unlock this vault ({names}); say which with --officer NAME.</source>
        <comment>cli.which_officer</comment>
        <translation>មន្ត្រីច្រើននាក់អាចដោះសោឃ្លាំងទិន្នន័យនេះ ({names}) សូមប្រាប់ថាមួយណាដោយ --officer NAME។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot create the data folder {data_dir}: {reason}.</source>
        <comment>data_dir.cannot_create</comment>
        <translation>មិនអាចបង្កើតថតទិន្នន័យ {data_dir} បានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder {data_dir} is a file, not a folder. Choose another --data-dir.</source>
        <comment>data_dir.is_a_file</comment>
        <translation>ថតទិន្នន័យ {data_dir} ជាឯកសារ មិនមែនជាថតទេ។ សូមជ្រើសរើស --data-dir ផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder {data_dir} does not exist.</source>
        <comment>data_dir.missing</comment>
        <translation>ថតទិន្នន័យ {data_dir} មិនមានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder {data_dir} is not writable by this user.</source>
        <comment>data_dir.not_writable</comment>
        <translation>អ្នកប្រើនេះមិនអាចសរសេរទៅថតទិន្នន័យ {data_dir} បានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder {data_dir} is readable by other users and cannot be fixed: {reason}.</source>
        <comment>data_dir.readable_by_others</comment>
        <translation>អ្នកប្រើផ្សេងអាចអានថតទិន្នន័យ {data_dir} បាន ហើយមិនអាចកែបានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder {folder} is not empty; choose a new or empty folder for the demo vault.</source>
        <comment>demo.not_empty</comment>
        <translation>ថត {folder} មិនទទេទេ សូមជ្រើសរើសថតថ្មី ឬថតទទេសម្រាប់ឃ្លាំងទិន្នន័យសាកល្បង។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: {file} was not saved; the previous copy is kept.</source>
        <comment>disk.full_file_not_saved</comment>
        <translation>ថាសពេញ៖ {file} មិនត្រូវបានរក្សាទុកទេ ច្បាប់ចម្លងមុនត្រូវបានរក្សាទុក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full or cannot be written: this change was not saved (everything saved before it is safe). Free some space, then save again.</source>
        <comment>disk.full_not_saved</comment>
        <translation>ថាសពេញ ឬមិនអាចសរសេរបាន៖ ការផ្លាស់ប្តូរនេះមិនត្រូវបានរក្សាទុកទេ (អ្វីៗដែលបានរក្សាទុកមុននេះមានសុវត្ថិភាព)។ សូមបង្កើតទំហំទំនេរ រួចរក្សាទុកម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The enrolment file&apos;s issue number is malformed.</source>
        <comment>enrolment.bad_issue</comment>
        <translation>លេខចេញរបស់ឯកសារចុះឈ្មោះមិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file&apos;s HQ recipient key is missing or malformed.</source>
        <comment>enrolment.bad_recipient</comment>
        <translation>កូនសោអ្នកទទួលរបស់ទីស្នាក់ការកណ្តាលក្នុងឯកសារចុះឈ្មោះ បាត់ ឬខុសទម្រង់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file carries an invalid HQ recovery key.</source>
        <comment>enrolment.bad_recovery_key</comment>
        <translation>ឯកសារចុះឈ្មោះមានកូនសោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលដែលមិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file&apos;s indicator sets are malformed.</source>
        <comment>enrolment.bad_sets</comment>
        <translation>សំណុំសូចនាករក្នុងឯកសារចុះឈ្មោះខុសទម្រង់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file&apos;s signature is not valid: it was altered.</source>
        <comment>enrolment.bad_signature</comment>
        <translation>ហត្ថលេខារបស់ឯកសារចុះឈ្មោះមិនត្រឹមត្រូវ៖ វាត្រូវបានកែប្រែ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file&apos;s HQ verification key is missing or malformed.</source>
        <comment>enrolment.bad_verify_key</comment>
        <translation>កូនសោផ្ទៀងផ្ទាត់របស់ទីស្នាក់ការកណ្តាលក្នុងឯកសារចុះឈ្មោះ បាត់ ឬខុសទម្រង់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first enrolment file from {hq}. Compare its HQ key fingerprint
  {fingerprint}
with the one HQ gave you (by phone or on paper, not in the same message as the file). Only if they are the same, load it again confirming that fingerprint (`fieldapp enrol FILE --fingerprint &apos;...&apos;`).</source>
        <comment>enrolment.confirm_fingerprint</comment>
        <translation>នេះជាឯកសារចុះឈ្មោះលើកដំបូងពី {hq}។ សូមប្រៀបធៀបស្នាមម្រាមដៃនៃសោទីស្នាក់ការកណ្តាល
  {fingerprint}
ជាមួយស្នាមម្រាមដៃដែលទីស្នាក់ការកណ្តាលបានផ្តល់ឱ្យអ្នក (តាមទូរស័ព្ទ ឬលើក្រដាស មិនមែនក្នុងសារតែមួយជាមួយឯកសារទេ)។ មានតែពេលដែលវាដូចគ្នាប៉ុណ្ណោះ ទើបផ្ទុកវាម្តងទៀត ដោយបញ្ជាក់ស្នាមម្រាមដៃនោះ (`fieldapp enrol FILE --fingerprint &apos;...&apos;`)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment file has expired; ask HQ for a new one.</source>
        <comment>enrolment.expired</comment>
        <translation>ឯកសារចុះឈ្មោះនេះផុតកំណត់ហើយ៖ សូមសុំឯកសារថ្មីពីទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fingerprint you typed is not this file&apos;s HQ key: do not use this file. Ask HQ.</source>
        <comment>enrolment.fingerprint_differs</comment>
        <translation>ស្នាមម្រាមដៃដែលអ្នកបានវាយ មិនមែនជាសោទីស្នាក់ការកណ្តាលរបស់ឯកសារនេះទេ៖ កុំប្រើឯកសារនេះ។ សូមសួរទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An indicator set in the enrolment file is not valid ({reason})</source>
        <comment>enrolment.invalid_set</comment>
        <translation>សំណុំសូចនាករមួយក្នុងឯកសារចុះឈ្មោះមិនត្រឹមត្រូវ ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not an enrolment file.</source>
        <comment>enrolment.is_folder</comment>
        <translation>{path} ជាថត មិនមែនជាឯកសារចុះឈ្មោះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enrolment file has no {key}.</source>
        <comment>enrolment.missing_field</comment>
        <translation>ឯកសារចុះឈ្មោះគ្មាន {key} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an enrolment file (it is not readable JSON).</source>
        <comment>enrolment.not_json</comment>
        <translation>នេះមិនមែនជាឯកសារចុះឈ្មោះទេ (វាមិនមែនជា JSON ដែលអាចអានបាន)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment file is signed by another key than the HQ key this laptop trusts (and no change of key signed by that one). It was refused: it may be forged. Ask HQ.</source>
        <comment>enrolment.not_pinned_key</comment>
        <translation>ឯកសារចុះឈ្មោះនេះត្រូវបានចុះហត្ថលេខាដោយសោផ្សេង មិនមែនសោទីស្នាក់ការកណ្តាលដែលកុំព្យូទ័រនេះទុកចិត្តទេ (ហើយគ្មានការប្តូរសោដែលចុះហត្ថលេខាដោយសោនោះទេ)។ វាត្រូវបានបដិសេធ៖ វាអាចជាការក្លែងបន្លំ។ សូមសួរទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is older than the one this laptop already loaded (issue {issued}; loaded: {held}). It was refused: ask HQ for its newest file.</source>
        <comment>enrolment.older_file</comment>
        <translation>ឯកសារនេះចាស់ជាងឯកសារដែលកុំព្យូទ័រនេះបានផ្ទុករួចហើយ (លេខចេញ {issued}; បានផ្ទុក៖ {held})។ វាត្រូវបានបដិសេធ៖ សូមសុំឯកសារថ្មីបំផុតពីទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop is already enrolled with another HQ.</source>
        <comment>enrolment.other_hq</comment>
        <translation>កុំព្យូទ័រនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាលផ្សេងរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load HQ&apos;s enrolment file first; indicator sets alone cannot enrol a laptop.</source>
        <comment>enrolment.sets_first</comment>
        <translation>សូមផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលជាមុនសិន៖ សំណុំសូចនាករតែឯងមិនអាចចុះឈ្មោះកុំព្យូទ័របានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is too large to be an enrolment file.</source>
        <comment>enrolment.too_large</comment>
        <translation>ឯកសារនេះធំពេកសម្រាប់ជាឯកសារចុះឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment file is not signed by HQ; it was refused.</source>
        <comment>enrolment.unsigned</comment>
        <translation>ឯកសារចុះឈ្មោះនេះមិនត្រូវបានចុះហត្ថលេខាដោយទីស្នាក់ការកណ្តាលទេ៖ វាត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment file version &apos;{version}&apos; is not supported by this program.</source>
        <comment>enrolment.version_unsupported</comment>
        <translation>កំណែឯកសារចុះឈ្មោះ &apos;{version}&apos; មិនត្រូវបានកម្មវិធីនេះគាំទ្រទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a fieldapp enrolment file.</source>
        <comment>enrolment.wrong_format</comment>
        <translation>នេះមិនមែនជាឯកសារចុះឈ្មោះ fieldapp ទេ។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} must be a whole number of years.</source>
        <comment>field.age_not_a_number</comment>
        <translation>{name} ត្រូវតែជាចំនួនឆ្នាំគត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be between 0 and 120.</source>
        <comment>field.age_range</comment>
        <translation>{name} ត្រូវតែនៅចន្លោះ 0 និង 120។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be one of: {options}.</source>
        <comment>field.not_a_choice</comment>
        <translation>{name} ត្រូវតែជាមួយក្នុងចំណោម៖ {options}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{value}&apos; is not a country code; choose the country from the list.</source>
        <comment>field.not_a_country</comment>
        <translation>{name}៖ &apos;{value}&apos; មិនមែនជាលេខកូដប្រទេសទេ សូមជ្រើសរើសប្រទេសពីបញ្ជី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a date written YYYY-MM-DD.</source>
        <comment>field.not_a_date</comment>
        <translation>{name} ត្រូវតែជាកាលបរិច្ឆេទដែលសរសេរ YYYY-MM-DD។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a date and time written YYYY-MM-DD HH:MM.</source>
        <comment>field.not_a_datetime</comment>
        <translation>{name} ត្រូវតែជាកាលបរិច្ឆេទ និងម៉ោងដែលសរសេរ YYYY-MM-DD HH:MM។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a list of entries.</source>
        <comment>field.not_a_list_of_entries</comment>
        <translation>{name} ត្រូវតែជាបញ្ជីធាតុ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a list of text.</source>
        <comment>field.not_a_list_of_text</comment>
        <translation>{name} ត្រូវតែជាបញ្ជីអត្ថបទ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a whole number.</source>
        <comment>field.not_a_whole_number</comment>
        <translation>{name} ត្រូវតែជាចំនួនគត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {codes} is not a language code; use codes such as vi, zh, en or km.</source>
        <comment>field.not_languages</comment>
        <translation>{name}៖ {codes} មិនមែនជាលេខកូដភាសាទេ សូមប្រើលេខកូដដូចជា vi, zh, en ឬ km។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be text.</source>
        <comment>field.not_text</comment>
        <translation>{name} ត្រូវតែជាអត្ថបទ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be yes or no.</source>
        <comment>field.not_yes_or_no</comment>
        <translation>{name} ត្រូវតែជា បាទ/ចាស ឬ ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be between {low} and {high}.</source>
        <comment>field.out_of_range</comment>
        <translation>{name} ត្រូវតែនៅចន្លោះ {low} និង {high}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is too long (at most {limit} characters).</source>
        <comment>field.too_long</comment>
        <translation>{name} វែងពេក (យ៉ាងច្រើន {limit} តួអក្សរ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown field(s): {unknown}.</source>
        <comment>field.unknown</comment>
        <translation>វាលដែលមិនស្គាល់៖ {unknown}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another fieldapp program is changing {what}; try again in a moment.</source>
        <comment>file.busy</comment>
        <translation>កម្មវិធី fieldapp មួយទៀតកំពុងផ្លាស់ប្តូរ {what}៖ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {reason}.</source>
        <comment>file.cannot_read</comment>
        <translation>មិនអាចអាន {path} បានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {reason}.</source>
        <comment>file.cannot_write</comment>
        <translation>មិនអាចសរសេរ {path} បានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>The key-slot file {source} is damaged ({reason}).</source>
        <comment>keyslots.damaged</comment>
        <translation>ឯកសាររន្ធកូនសោ {source} ត្រូវបានខូច ({reason})។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key-slot file is missing.</source>
        <comment>keyslots.missing</comment>
        <translation>ឯកសាររន្ធកូនសោបាត់។</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>A match probability threshold is a number from 0 to 1, and the likely threshold is not below the threshold for proposing a pair (got {propose_from} and {likely_from}).</source>
        <comment>dedupe.bad_threshold</comment>
        <translation>កម្រិតប្រូបាប៊ីលីតេនៃការផ្គូផ្គងគឺជាលេខពី 0 ដល់ 1 ហើយកម្រិត «ទំនង» មិនអាចទាបជាងកម្រិតសម្រាប់ស្នើគូទេ (ទទួលបាន {propose_from} និង {likely_from})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duplicate search needs the HQ part of fieldapp (Splink and DuckDB): install it with pip install &apos;fieldapp[hq]&apos;.</source>
        <comment>dedupe.needs_linkage</comment>
        <translation>ការស្វែងរកកំណត់ត្រាស្ទួនត្រូវការផ្នែកទីស្នាក់ការកណ្តាលរបស់ fieldapp (Splink និង DuckDB)៖ ដំឡើងវាដោយ pip install &apos;fieldapp[hq]&apos;។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ holds no person {person_id}.</source>
        <comment>dedupe.unknown_person</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនមានមនុស្ស {person_id} ទេ។</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{path} is not a file.</source>
        <comment>file.not_a_file</comment>
        <translation>{path} មិនមែនជាឯកសារទេ។</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Before handing over, fill in: {missing}.</source>
        <comment>handover.fill_in_first</comment>
        <translation>មុននឹងប្រគល់ សូមបំពេញ៖ {missing}។</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Both copies of the key-slot file are damaged; this laptop was enrolled with HQ, so HQ&apos;s recovery key can open it (`fieldapp recover`).</source>
        <comment>keyslots.both_damaged_enrolled</comment>
        <translation>ច្បាប់ចម្លងទាំងពីររបស់ឯកសាររន្ធសោបានខូច៖ កុំព្យូទ័រនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាល ដូច្នេះសោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលអាចបើកវាបាន (`fieldapp recover`)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both copies of the key-slot file are damaged; this laptop was not enrolled with HQ, so there is no recovery key for it: restore the vault folder from a backup.</source>
        <comment>keyslots.both_damaged_not_enrolled</comment>
        <translation>ច្បាប់ចម្លងទាំងពីររបស់ឯកសាររន្ធសោបានខូច៖ កុំព្យូទ័រនេះមិនបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាលទេ ដូច្នេះគ្មានសោសង្គ្រោះសម្រាប់វាទេ៖ សូមស្តារថតឃ្លាំងទិន្នន័យពីច្បាប់បម្រុងទុក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both copies of the key-slot file are damaged; if this laptop was enrolled with HQ, HQ&apos;s recovery key can open it (`fieldapp recover`); otherwise restore the vault folder from a backup.</source>
        <comment>keyslots.both_damaged_unknown</comment>
        <translation>ច្បាប់ចម្លងទាំងពីររបស់ឯកសាររន្ធសោបានខូច៖ ប្រសិនបើកុំព្យូទ័រនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាល សោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលអាចបើកវាបាន (`fieldapp recover`)៖ បើមិនដូច្នោះទេ សូមស្តារថតឃ្លាំងទិន្នន័យពីច្បាប់បម្រុងទុក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {source} copy of the key-slot file cannot be read: {reason}.</source>
        <comment>keyslots.cannot_read</comment>
        <translation>មិនអាចអានច្បាប់ចម្លង {source} របស់ឯកសាររន្ធសោបានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key-slot file belongs to another vault; it was not changed.</source>
        <comment>keyslots.foreign</comment>
        <translation>ឯកសាររន្ធសោជារបស់ឃ្លាំងទិន្នន័យផ្សេង៖ វាមិនត្រូវបានផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>{path} is larger than the {limit} a file of this kind may have.</source>
        <comment>file.too_large</comment>
        <translation>{path} ធំជាង {limit} ដែលឯកសារប្រភេទនេះអាចមាន។</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>{where}: made by a disabled officer</source>
        <comment>authority.disabled_signer</comment>
        <translation>{where}៖ ធ្វើឡើងដោយមន្ត្រីដែលត្រូវបានបិទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: a laptop&apos;s first officer is its admin</source>
        <comment>authority.first_not_admin</comment>
        <translation>{where}៖ មន្ត្រីដំបូងរបស់កុំព្យូទ័រមួយ គឺជាអ្នកគ្រប់គ្រងរបស់វា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the app never makes such an event</source>
        <comment>authority.never_made</comment>
        <translation>{where}៖ កម្មវិធីមិនដែលបង្កើតព្រឹត្តិការណ៍បែបនេះទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: signed by an officer this laptop never registered</source>
        <comment>authority.never_registered</comment>
        <translation>{where}៖ ចុះហត្ថលេខាដោយមន្ត្រីដែលកុំព្យូទ័រនេះមិនដែលបានចុះឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the new key is malformed</source>
        <comment>authority.new_key_malformed</comment>
        <translation>{where}៖ សោថ្មីខុសទម្រង់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: no open invitation</source>
        <comment>authority.no_invitation</comment>
        <translation>{where}៖ គ្មានការអញ្ជើញដែលនៅបើកចំហ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: no such officer on this laptop</source>
        <comment>authority.no_such_officer</comment>
        <translation>{where}៖ គ្មានមន្ត្រីនេះនៅលើកុំព្យូទ័រនេះទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: an officer is created by invitation (with no key of their own yet)</source>
        <comment>authority.not_by_invitation</comment>
        <translation>{where}៖ មន្ត្រីត្រូវបានបង្កើតតាមរយៈការអញ្ជើញ (ដោយមិនទាន់មានសោផ្ទាល់ខ្លួន)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: not vouched for by the invitation</source>
        <comment>authority.not_vouched</comment>
        <translation>{where}៖ មិនត្រូវបានធានាដោយការអញ្ជើញទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: this officer already exists</source>
        <comment>authority.officer_exists</comment>
        <translation>{where}៖ មន្ត្រីនេះមានរួចហើយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the officer&apos;s key is malformed</source>
        <comment>authority.officer_key_malformed</comment>
        <translation>{where}៖ សោរបស់មន្ត្រីខុសទម្រង់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: only an admin creates officers, but a {role} signed it</source>
        <comment>authority.only_admin_creates</comment>
        <translation>{where}៖ មានតែអ្នកគ្រប់គ្រងទេដែលបង្កើតមន្ត្រី ប៉ុន្តែ{role}បានចុះហត្ថលេខាលើវា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: claims HQ&apos;s recovery, but HQ&apos;s recovery key did not sign it</source>
        <comment>authority.recovery_not_signed</comment>
        <translation>{where}៖ អះអាងថាជាការស្តារឡើងវិញដោយទីស្នាក់ការកណ្តាល ប៉ុន្តែសោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលមិនបានចុះហត្ថលេខាលើវាទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq} ({entity}.{op}): an HQ recovery this laptop cannot check (enrolled before 0.2)</source>
        <comment>authority.recovery_unchecked</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} ({entity}.{op})៖ ការស្តារឡើងវិញដោយទីស្នាក់ការកណ្តាល ដែលកុំព្យូទ័រនេះមិនអាចពិនិត្យបាន (បានចុះឈ្មោះមុនកំណែ 0.2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: signed by an officer HQ has revoked</source>
        <comment>authority.revoked_signer</comment>
        <translation>{where}៖ ចុះហត្ថលេខាដោយមន្ត្រីដែលទីស្នាក់ការកណ្តាលបានដកសិទ្ធិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq} ({entity}.{op}): the signer&apos;s role is not known here (events missing); not checked</source>
        <comment>authority.role_not_known</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} ({entity}.{op})៖ មិនស្គាល់តួនាទីរបស់អ្នកចុះហត្ថលេខានៅទីនេះ (ខ្វះព្រឹត្តិការណ៍)៖ មិនបានពិនិត្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: needs a {needed}, but was signed by a {role}</source>
        <comment>authority.role_too_low</comment>
        <translation>{where}៖ ត្រូវការ{needed} ប៉ុន្តែត្រូវបានចុះហត្ថលេខាដោយ{role}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: the new device key does not prove itself</source>
        <comment>authority.rotation_unproved</comment>
        <translation>{where}៖ សោថ្មីរបស់កុំព្យូទ័រមិនបញ្ជាក់ខ្លួនវាទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: only the officer themself can do this</source>
        <comment>authority.self_only</comment>
        <translation>{where}៖ មានតែមន្ត្រីខ្លួនឯងប៉ុណ្ណោះដែលអាចធ្វើការនេះបាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: unknown role</source>
        <comment>authority.unknown_role</comment>
        <translation>{where}៖ តួនាទីមិនស្គាល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: signed by an officer this laptop never registered (or who never chose a passphrase)</source>
        <comment>authority.unregistered_signer</comment>
        <translation>{where}៖ ចុះហត្ថលេខាដោយមន្ត្រីដែលកុំព្យូទ័រនេះមិនដែលបានចុះឈ្មោះ (ឬដែលមិនដែលបានជ្រើសរើសឃ្លាសម្ងាត់)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>device {device}: events {first}..{last} are missing</source>
        <comment>chain.events_missing</comment>
        <translation>ឧបករណ៍ {device}៖ ខ្វះព្រឹត្តិការណ៍ {first}..{last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>laptop {device}: {count} events from before every event was signed by its officer (legacy authority: the laptop&apos;s device key alone vouches for who made them)</source>
        <comment>chain.legacy_events</comment>
        <translation>កុំព្យូទ័រ {device}៖ ព្រឹត្តិការណ៍ {count} ពីមុនពេលដែលព្រឹត្តិការណ៍នីមួយៗត្រូវបានចុះហត្ថលេខាដោយមន្ត្រីរបស់វា (សិទ្ធិអំណាចចាស់៖ មានតែកូនសោឧបករណ៍របស់កុំព្យូទ័រប៉ុណ្ណោះដែលធានាថាអ្នកណាបានធ្វើវា)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: does not chain to the event before it</source>
        <comment>chain.not_chained</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ មិនភ្ជាប់ជាខ្សែទៅនឹងព្រឹត្តិការណ៍មុនវាទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: redacted, but its record was not purged after it or HQ had not acknowledged it</source>
        <comment>chain.redacted_unpurged</comment>
        <translation>{where}៖ ត្រូវបានលុបខ្លឹមសារចេញ ប៉ុន្តែកំណត់ត្រារបស់វាមិនត្រូវបានលុបចោលបន្ទាប់ពីវា ឬទីស្នាក់ការកណ្តាលមិនទាន់បានបញ្ជាក់ទទួលវា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: unknown device {device}</source>
        <comment>chain.unknown_device</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ ឧបករណ៍មិនស្គាល់ {device}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not without the person&apos;s consent: {reasons}. A team lead may go ahead only with a written reason, which is printed on the form.</source>
        <comment>consent.missing</comment>
        <translation>មិនអាចធ្វើបានដោយគ្មានការយល់ព្រមរបស់សាមីខ្លួនទេ៖ {reasons}។ ប្រធានក្រុមអាចបន្តបាន លុះត្រាតែមានហេតុផលជាលាយលក្ខណ៍អក្សរ ដែលនឹងបោះពុម្ពលើទម្រង់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person has no screening that records consent; record their refusal on the handover instead.</source>
        <comment>consent.nothing_to_withdraw</comment>
        <translation>បុគ្គលនេះគ្មានការពិនិត្យដែលកត់ត្រាការយល់ព្រមទេ សូមកត់ត្រាការបដិសេធរបស់ពួកគេលើការប្រគល់ជំនួសវិញ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &quot;do not notify&quot; flag protects this person ({reason}): their embassy must not be told, whatever else was consented. A team lead lifts the flag first, with a reason, if that has changed.</source>
        <comment>consent.protected</comment>
        <translation>សញ្ញា “កុំជូនដំណឹង” ការពារបុគ្គលនេះ ({reason})៖ មិនត្រូវជូនដំណឹងដល់ស្ថានទូតរបស់គាត់ឡើយ ទោះបីជាមានការយល់ព្រមផ្សេងទៀតក៏ដោយ។ ប្រសិនបើស្ថានភាពបានផ្លាស់ប្ដូរ ប្រធានក្រុមត្រូវដកសញ្ញានោះជាមុនសិន ដោយមានហេតុផល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why (at least {least} characters): the reason is kept with the flag.</source>
        <comment>consular.needs_reason</comment>
        <translation>សូមប្រាប់ហេតុផល (យ៉ាងហោចណាស់ {least} តួអក្សរ)៖ ហេតុផលត្រូវរក្សាទុកជាមួយសញ្ញានោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one of this nationality is waiting to be notified: nobody consented to sharing with their embassy, or all were notified already, or are protected.</source>
        <comment>consular.nobody</comment>
        <translation>គ្មាននរណាម្នាក់នៃសញ្ជាតិនេះកំពុងរង់ចាំការជូនដំណឹងទេ៖ គ្មាននរណាយល់ព្រមចែករំលែកព័ត៌មានជាមួយស្ថានទូតរបស់ខ្លួន ឬទាំងអស់បានជូនដំណឹងរួចហើយ ឬត្រូវបានការពារ។</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say why this copy or export is made (a few words, for example &apos;court hearing&apos; or &apos;NGO referral&apos;): it is recorded with the names of the persons it holds.</source>
        <comment>disclosure.purpose_needed</comment>
        <translation>សូមប្រាប់ហេតុផលនៃការចម្លង ឬការនាំចេញនេះ (ពាក្យពីរបី ឧទាហរណ៍ ‘សវនាការតុលាការ’ ឬ ‘បញ្ជូនទៅអង្គការ’)៖ វាត្រូវបានកត់ត្រាជាមួយឈ្មោះបុគ្គលដែលវាមាន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the purpose short: {limit} characters at most.</source>
        <comment>disclosure.purpose_too_long</comment>
        <translation>សូមសរសេរគោលបំណងឱ្យខ្លី៖ យ៉ាងច្រើន {limit} តួអក្សរ។</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The enrolment file&apos;s list of missions is malformed: {reason}.</source>
        <comment>enrolment.bad_consulates</comment>
        <translation>បញ្ជីស្ថានទូតក្នុងឯកសារចុះឈ្មោះខូចទ្រង់ទ្រាយ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s directory of receiving bodies in this file is malformed: {reason}.</source>
        <comment>enrolment.bad_directory</comment>
        <translation>បញ្ជីស្ថាប័នទទួលរបស់ទីស្នាក់ការកណ្តាលក្នុងឯកសារនេះខូចទម្រង់៖ {reason}។</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This directory of receiving bodies (revision {revision}) is older than the one this laptop holds (revision {held}). It was refused: ask HQ for its newest directory.</source>
        <comment>enrolment.older_directory</comment>
        <translation>បញ្ជីស្ថាប័នទទួលនេះ (កំណែ {revision}) ចាស់ជាងបញ្ជីដែលកុំព្យូទ័រនេះមាន (កំណែ {held})។ វាត្រូវបានបដិសេធ៖ សូមសុំបញ្ជីថ្មីបំផុតពីទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{where}: content does not match its hash</source>
        <comment>event.content_mismatch</comment>
        <translation>{where}៖ ខ្លឹមសារមិនត្រូវនឹងហាសរបស់វាទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: device signature is not valid</source>
        <comment>event.device_signature_invalid</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ ហត្ថលេខាឧបករណ៍មិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: stored hash is malformed</source>
        <comment>event.hash_malformed</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ ហាសដែលបានរក្សាទុកខុសទម្រង់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: this kind of event is never redacted</source>
        <comment>event.never_redacted</comment>
        <translation>{where}៖ ព្រឹត្តិការណ៍ប្រភេទនេះមិនដែលត្រូវបានលុបខ្លឹមសារចេញទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: officer signature is not valid</source>
        <comment>event.officer_signature_invalid</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ ហត្ថលេខារបស់មន្ត្រីមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: officer signature missing</source>
        <comment>event.officer_signature_missing</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ ខ្វះហត្ថលេខារបស់មន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: redacted payload keeps fields other than ids, pins, results and hashes</source>
        <comment>event.redacted_fields</comment>
        <translation>{where}៖ ទិន្នន័យដែលបានលុបខ្លឹមសារចេញរក្សាវាលផ្សេងក្រៅពីលេខសម្គាល់ កំណែដែលបានភ្ជាប់ (pins) លទ្ធផល និងហាស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: redacted payload holds keys a redaction never keeps</source>
        <comment>event.redacted_keys</comment>
        <translation>{where}៖ ទិន្នន័យដែលបានលុបខ្លឹមសារចេញមានកូនសោដែលការលុបខ្លឹមសារមិនដែលរក្សាទុក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: redacted payload has no hash of the original</source>
        <comment>event.redacted_no_hash</comment>
        <translation>{where}៖ ទិន្នន័យដែលបានលុបខ្លឹមសារចេញគ្មានហាសនៃច្បាប់ដើមទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq} ({action})</source>
        <comment>event.reference</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} ({action})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Write the day the status took effect as YYYY-MM-DD (got {value}).</source>
        <comment>followup.bad_date</comment>
        <translation>សរសេរថ្ងៃដែលស្ថានភាពមានប្រសិទ្ធភាពជា YYYY-MM-DD (បានទទួល {value})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders are at 30 or 90 days (got {days}).</source>
        <comment>followup.bad_due</comment>
        <translation>ការរំលឹកគឺនៅ ៣០ ឬ ៩០ ថ្ងៃ (បានទទួល {days})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{route} is not a route: choose air, land or sea.</source>
        <comment>followup.bad_route</comment>
        <translation>{route} មិនមែនជាផ្លូវទេ៖ ជ្រើសរើសផ្លូវអាកាស ផ្លូវគោក ឬផ្លូវសមុទ្រ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} is before the person was registered ({registered}): check the date.</source>
        <comment>followup.before_registration</comment>
        <translation>{date} គឺមុនពេលបុគ្គលត្រូវបានចុះឈ្មោះ ({registered})៖ សូមផ្ទៀងផ្ទាត់កាលបរិច្ឆេទ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} does not belong to the status {status}; leave it out.</source>
        <comment>followup.field_not_allowed</comment>
        <translation>{field} មិនមែនជារបស់ស្ថានភាព {status} ទេ សូមទុកវាចោល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} is in the future: record a status once it has taken effect.</source>
        <comment>followup.future_date</comment>
        <translation>{date} ស្ថិតនៅពេលអនាគត៖ កត់ត្រាស្ថានភាពនៅពេលដែលវាមានប្រសិទ្ធភាពហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person {person_id} was merged into {into}: record the status on {into}.</source>
        <comment>followup.merged</comment>
        <translation>បុគ្គល {person_id} ត្រូវបានបញ្ចូលទៅក្នុង {into}៖ កត់ត្រាស្ថានភាពលើ {into}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new case must be another person record than {person_id}.</source>
        <comment>followup.new_case_self</comment>
        <translation>ករណីថ្មីត្រូវតែជាកំណត់ត្រាបុគ្គលផ្សេងពី {person_id}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person {person_id} was withdrawn or purged: their case is not followed.</source>
        <comment>followup.person_gone</comment>
        <translation>បុគ្គល {person_id} ត្រូវបានដកចេញ ឬលុបចោល៖ ករណីរបស់ពួកគេមិនត្រូវបានតាមដានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say how the person went home: the route is air, land or sea.</source>
        <comment>followup.route_needed</comment>
        <translation>ប្រាប់ពីរបៀបដែលបុគ្គលបានត្រឡប់ទៅផ្ទះ៖ ផ្លូវគឺអាកាស គោក ឬសមុទ្រ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} is too long ({length} characters; at most {limit}).</source>
        <comment>followup.too_long</comment>
        <translation>{field} វែងពេក ({length} តួអក្សរ; យ៉ាងច្រើន {limit})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case is already {status} since {date}: nothing new to record.</source>
        <comment>followup.unchanged</comment>
        <translation>ករណីនេះមានស្ថានភាព {status} រួចហើយតាំងពី {date}៖ គ្មានអ្វីថ្មីត្រូវកត់ត្រាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ holds no person {person_id}.</source>
        <comment>followup.unknown_person</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនមានបុគ្គល {person_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status} is not a case status. Choose one of: {choices}.</source>
        <comment>followup.unknown_status</comment>
        <translation>{status} មិនមែនជាស្ថានភាពករណីទេ។ ជ្រើសរើសមួយក្នុងចំណោម៖ {choices}។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receiving body {body_id} is not in this laptop&apos;s directory; pick it again from the list, or type its name.</source>
        <comment>handover.unknown_body</comment>
        <translation>ស្ថាប័នទទួល {body_id} មិនមានក្នុងបញ្ជីរបស់កុំព្យូទ័រនេះទេ។ សូមជ្រើសវាម្តងទៀតពីបញ្ជី ឬវាយឈ្មោះរបស់វា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ account &apos;{name}&apos; is damaged (its keys do not match).</source>
        <comment>hq.account_damaged</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; បានខូច (សោរបស់វាមិនត្រូវគ្នា)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ account &apos;{name}&apos; is disabled.</source>
        <comment>hq.account_disabled</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; ត្រូវបានបិទ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ already has an account named &apos;{name}&apos;; choose another name.</source>
        <comment>hq.account_name_taken</comment>
        <translation>ទីស្នាក់ការកណ្តាលមានគណនីឈ្មោះ &apos;{name}&apos; រួចហើយ៖ សូមជ្រើសរើសឈ្មោះផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An HQ account needs a name (the person&apos;s name, up to 100 characters).</source>
        <comment>hq.account_needs_name</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាលត្រូវការឈ្មោះ (ឈ្មោះរបស់បុគ្គល រហូតដល់ 100 តួអក្សរ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ account &apos;{name}&apos; belongs to another HQ.</source>
        <comment>hq.account_other_hq</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; ជារបស់ទីស្នាក់ការកណ្តាលផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ account &apos;{name}&apos; holds no key to HQ (it was re-sealed).</source>
        <comment>hq.account_resealed</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; គ្មានសោចូលទីស្នាក់ការកណ្តាលទេ (វាត្រូវបានបិទត្រាឡើងវិញ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An HQ account&apos;s role is one of {roles}, not &apos;{role}&apos;.</source>
        <comment>hq.account_role</comment>
        <translation>តួនាទីរបស់គណនីទីស្នាក់ការកណ្តាលគឺមួយក្នុងចំណោម {roles} មិនមែន &apos;{role}&apos; ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ account &apos;{name}&apos; was disabled; ask an HQ admin.</source>
        <comment>hq.account_was_disabled</comment>
        <translation>គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; ត្រូវបានបិទ៖ សូមសុំអ្នកគ្រប់គ្រងទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase is not right for the HQ account &apos;{name}&apos;.</source>
        <comment>hq.account_wrong_passphrase</comment>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវសម្រាប់គណនីទីស្នាក់ការកណ្តាល &apos;{name}&apos; ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>officer {officer} replaced their signing key (signed by the key replaced); HQ now checks their work against the new one</source>
        <comment>hq.alarm_officer_key</comment>
        <translation>មន្ត្រី {officer} បានប្តូរសោចុះហត្ថលេខារបស់គាត់ (ចុះហត្ថលេខាដោយសោដែលត្រូវបានប្តូរ)៖ ឥឡូវនេះទីស្នាក់ការកណ្តាលពិនិត្យការងាររបស់គាត់ជាមួយសោថ្មី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} change(s) by {name}, whom HQ revoked, arrived (events {first}..{last} of this laptop); they were imported: review them with the laptop&apos;s admin</source>
        <comment>hq.alarm_revoked_officer</comment>
        <translation>ការផ្លាស់ប្តូរ {count} ដោយ {name} ដែលទីស្នាក់ការកណ្តាលបានដកសិទ្ធិ បានមកដល់ (ព្រឹត្តិការណ៍ {first}..{last} នៃកុំព្យូទ័រនេះ)៖ វាត្រូវបាននាំចូលហើយ សូមពិនិត្យវាជាមួយអ្នកគ្រប់គ្រងកុំព្យូទ័រនោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events {first}..{last} of laptop &apos;{name}&apos; have not reached HQ (a lost bundle?); ask the laptop to export again</source>
        <comment>hq.alarm_seq_gap</comment>
        <translation>ព្រឹត្តិការណ៍ {first}..{last} នៃកុំព្យូទ័រ &apos;{name}&apos; មិនទាន់មកដល់ទីស្នាក់ការកណ្តាលទេ (កញ្ចប់ទិន្នន័យបាត់?)៖ សូមឱ្យកុំព្យូទ័រនោះនាំចេញម្តងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This pair is already dismissed.</source>
        <comment>hq.already_dismissed</comment>
        <translation>គូនេះត្រូវបានច្រានចោលរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person {person} is already merged into {target}; link to {target} instead.</source>
        <comment>hq.already_merged</comment>
        <translation>បុគ្គល {person} ត្រូវបានបញ្ចូលទៅក្នុង {target} រួចហើយ សូមភ្ជាប់ទៅ {target} វិញ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle breaks the rules of who may do what ({problem}): nothing from it was imported and an alarm was recorded.</source>
        <comment>hq.authority_broken</comment>
        <translation>កញ្ចប់ទិន្នន័យនេះបំពានច្បាប់អំពីអ្នកណាអាចធ្វើអ្វីបាន ({problem})៖ គ្មានអ្វីពីវាត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {name} date must be written YYYY-MM-DD (got &apos;{value}&apos;).</source>
        <comment>hq.bad_date</comment>
        <translation>កាលបរិច្ឆេទ{name} ត្រូវសរសេរជា YYYY-MM-DD (បានទទួល &apos;{value}&apos;)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a missions file this program can ship: {reason}</source>
        <comment>hq.bad_missions_file</comment>
        <translation>{path} មិនមែនជាឯកសារស្ថានទូតដែលកម្មវិធីនេះអាចចែកចាយបានទេ៖ {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot sort persons by &apos;{sort}&apos;.</source>
        <comment>hq.bad_sort</comment>
        <translation>មិនអាចតម្រៀបបុគ្គលតាម &apos;{sort}&apos; បានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is damaged, cut short or was tampered with; nothing was imported.</source>
        <comment>hq.bundle_cut_short</comment>
        <translation>កញ្ចប់ទិន្នន័យខូច ខ្វះខាត ឬត្រូវបានកែប្រែ៖ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is empty (0 bytes): not a bundle. Was the copy to the stick cut short?</source>
        <comment>hq.bundle_empty</comment>
        <translation>{path} ទទេ (0 បៃ)៖ មិនមែនជាកញ្ចប់ទិន្នន័យទេ។ តើការចម្លងទៅ USB ត្រូវបានកាត់ផ្តាច់ពាក់កណ្តាលទីឬ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is damaged or was tampered with (its encryption does not check out).</source>
        <comment>hq.bundle_encryption_fails</comment>
        <translation>កញ្ចប់ទិន្នន័យខូច ឬត្រូវបានកែប្រែ (ការអ៊ិនគ្រីបរបស់វាមិនត្រឹមត្រូវ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a bundle: name the bundle files in it.</source>
        <comment>hq.bundle_is_folder</comment>
        <translation>{path} ជាថតឯកសារ មិនមែនជាកញ្ចប់ទិន្នន័យទេ៖ សូមដាក់ឈ្មោះឯកសារកញ្ចប់ទិន្នន័យដែលនៅក្នុងវា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} does not exist.</source>
        <comment>hq.bundle_missing</comment>
        <translation>{path} មិនមានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle is not encrypted to this HQ&apos;s key (it was made for another HQ).</source>
        <comment>hq.bundle_not_for_this_hq</comment>
        <translation>កញ្ចប់ទិន្នន័យនេះមិនបានអ៊ិនគ្រីបសម្រាប់សោរបស់ទីស្នាក់ការកណ្តាលនេះទេ (វាត្រូវបានបង្កើតសម្រាប់ទីស្នាក់ការកណ្តាលផ្សេង)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle was made for another HQ; it was not imported.</source>
        <comment>hq.bundle_other_hq</comment>
        <translation>កញ្ចប់ទិន្នន័យនេះត្រូវបានបង្កើតសម្រាប់ទីស្នាក់ការកណ្តាលផ្សេង៖ វាមិនត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is larger than HQ accepts ({limit} bytes at most).</source>
        <comment>hq.bundle_too_large</comment>
        <translation>កញ្ចប់ទិន្នន័យធំជាងអ្វីដែលទីស្នាក់ការកណ្តាលទទួល (យ៉ាងច្រើន {limit} បៃ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ is busy saving other work; what this laptop sent is kept there. Push again in a minute.</source>
        <comment>hq.busy</comment>
        <translation>ទីស្នាក់ការកណ្តាលកំពុងរវល់រក្សាទុកការងារផ្សេង៖ អ្វីដែលកុំព្យូទ័រយួរដៃនេះបានផ្ញើ ត្រូវបានរក្សាទុកនៅទីនោះ។ សូមផ្ញើម្តងទៀតក្នុងរយៈពេលមួយនាទី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s TLS certificate {path} is damaged.</source>
        <comment>hq.cert_damaged</comment>
        <translation>វិញ្ញាបនបត្រ TLS របស់ទីស្នាក់ការកណ្តាល {path} បានខូច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read HQ&apos;s TLS certificate {path}: {reason}.</source>
        <comment>hq.cert_unreadable</comment>
        <translation>មិនអាចអានវិញ្ញាបនបត្រ TLS របស់ទីស្នាក់ការកណ្តាល {path} បានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle&apos;s events do not chain to those HQ already holds. Nothing was imported.</source>
        <comment>hq.chain_broken</comment>
        <translation>ព្រឹត្តិការណ៍នៃកញ្ចប់ទិន្នន័យនេះមិនតភ្ជាប់ទៅនឹងព្រឹត្តិការណ៍ដែលទីស្នាក់ការកណ្តាលមានរួចទេ។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event {seq} ({entity}.{op}) changes a record another laptop made. A laptop only changes its own records (HQ decides on others&apos; through its review queue): nothing from this bundle was imported and an alarm was recorded.</source>
        <comment>hq.changes_others_record</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} ({entity}.{op}) កែប្រែកំណត់ត្រាដែលកុំព្យូទ័រផ្សេងបានបង្កើត។ កុំព្យូទ័រមួយកែប្រែបានតែកំណត់ត្រារបស់ខ្លួនប៉ុណ្ណោះ (ទីស្នាក់ការកណ្តាលសម្រេចលើកំណត់ត្រារបស់អ្នកដទៃតាមរយៈជួរពិនិត្យឡើងវិញ)៖ គ្មានអ្វីពីកញ្ចប់ទិន្នន័យនេះត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose side a or side b.</source>
        <comment>hq.choose_side</comment>
        <translation>សូមជ្រើសរើសខាង a ឬខាង b។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has {held} bytes of this upload; continue from there.</source>
        <comment>hq.chunk_continue_from</comment>
        <translation>ទីស្នាក់ការកណ្តាលមាន {held} បៃនៃការផ្ញើនេះ៖ សូមបន្តពីទីនោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say where this chunk goes (?offset=N).</source>
        <comment>hq.chunk_no_offset</comment>
        <translation>សូមប្រាប់ថាផ្នែកនេះត្រូវដាក់នៅទីណា (?offset=N)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This chunk is empty or goes past the bundle&apos;s announced size.</source>
        <comment>hq.chunk_outside</comment>
        <translation>ផ្នែកនេះទទេ ឬលើសទំហំដែលបានប្រកាសរបស់កញ្ចប់ទិន្នន័យ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict {conflict_id} is already resolved.</source>
        <comment>hq.conflict_resolved</comment>
        <translation>ភាពផ្ទុយគ្នា {conflict_id} ត្រូវបានដោះស្រាយរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--database takes a postgresql://USER@HOST:PORT/DBNAME address.</source>
        <comment>hq.db_address</comment>
        <translation>--database ត្រូវការអាសយដ្ឋាន postgresql://USER@HOST:PORT/DBNAME។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot open the HQ database at {where}: {reason}</source>
        <comment>hq.db_cannot_open</comment>
        <translation>មិនអាចបើកមូលដ្ឋានទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលនៅ {where} បានទេ៖ {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ database&apos;s disk is full: this change was not saved (everything saved before it is safe). Free some space on the database server, then try again.</source>
        <comment>hq.db_disk_full</comment>
        <translation>ថាសរបស់មូលដ្ឋានទិន្នន័យទីស្នាក់ការកណ្តាលពេញ៖ ការផ្លាស់ប្តូរនេះមិនត្រូវបានរក្សាទុកទេ (អ្វីៗដែលបានរក្សាទុកមុននេះមានសុវត្ថិភាព)។ សូមបង្កើតទំហំទំនេរនៅលើម៉ាស៊ីនមេមូលដ្ឋានទិន្នន័យ រួចព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ database at {where} uses the {encoding} encoding; create it with ENCODING &apos;UTF8&apos;.</source>
        <comment>hq.db_encoding</comment>
        <translation>មូលដ្ឋានទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលនៅ {where} ប្រើការអ៊ិនកូដ {encoding}៖ សូមបង្កើតវាជាមួយ ENCODING &apos;UTF8&apos;។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database at {where} holds no HQ store; create it with `fieldapp hq init --database`.</source>
        <comment>hq.db_holds_no_store</comment>
        <translation>មូលដ្ឋានទិន្នន័យនៅ {where} គ្មានឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលទេ៖ សូមបង្កើតវាដោយ `fieldapp hq init --database`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database at {where} already holds an HQ store; refusing to overwrite it.</source>
        <comment>hq.db_holds_store</comment>
        <translation>មូលដ្ឋានទិន្នន័យនៅ {where} មានឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលរួចហើយ៖ មិនសរសេរជាន់លើវាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ database belongs to another HQ key file.</source>
        <comment>hq.db_of_other_hq</comment>
        <translation>មូលដ្ឋានទិន្នន័យនេះជារបស់ឯកសារសោទីស្នាក់ការកណ្តាលផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ database stopped answering ({reason}); nothing was saved.</source>
        <comment>hq.db_stopped</comment>
        <translation>មូលដ្ឋានទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលឈប់ឆ្លើយតប ({reason})៖ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The --database address is not a valid postgresql:// URL.</source>
        <comment>hq.db_url_invalid</comment>
        <translation>អាសយដ្ឋាន --database មិនមែនជា URL postgresql:// ត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) was altered after it was made.</source>
        <comment>hq.decision_altered</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) ត្រូវបានកែប្រែក្រោយពេលធ្វើរួច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s decision log has a gap before decision {seq}.</source>
        <comment>hq.decision_log_gap</comment>
        <translation>កំណត់ហេតុការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាលមានចន្លោះខ្វះនៅមុនការសម្រេចចិត្ត {seq}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every decision needs a reason (a few words at least), so others can follow it.</source>
        <comment>hq.decision_needs_reason</comment>
        <translation>ការសម្រេចចិត្តនីមួយៗត្រូវការមូលហេតុ (យ៉ាងហោចណាស់ពាក្យពីរបី) ដើម្បីឱ្យអ្នកដទៃអាចយល់បាន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) carries no account&apos;s signature, as every decision since must.</source>
        <comment>hq.decision_no_account</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) គ្មានហត្ថលេខារបស់គណនីទេ ដូចដែលការសម្រេចចិត្តនីមួយៗចាប់ពីពេលនោះត្រូវតែមាន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) does not carry the signature of {account}&apos;s account.</source>
        <comment>hq.decision_no_account_signature</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) គ្មានហត្ថលេខារបស់គណនី {account} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) does not follow the decision before it.</source>
        <comment>hq.decision_not_chained</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) មិនបន្តពីការសម្រេចចិត្តមុនទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) names another analyst than the account that signed it.</source>
        <comment>hq.decision_other_analyst</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) ដាក់ឈ្មោះអ្នកវិភាគផ្សេងពីគណនីដែលបានចុះហត្ថលេខា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) was signed by a key no HQ account has.</source>
        <comment>hq.decision_unknown_account</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) ត្រូវបានចុះហត្ថលេខាដោយសោដែលគ្មានគណនីទីស្នាក់ការកណ្តាលណាមួយមាន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decision {seq} ({kind} by {analyst}) does not carry HQ&apos;s signature.</source>
        <comment>hq.decision_unsigned</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល {seq} ({kind} ដោយ {analyst}) គ្មានហត្ថលេខារបស់ទីស្នាក់ការកណ្តាលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already {status}.</source>
        <comment>hq.device_already</comment>
        <translation>{name} {status} រួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptop &apos;{name}&apos; is not approved yet. Its fingerprint is {fingerprint}: check it with the laptop&apos;s officer, run `fieldapp hq device approve {device_id}`, then import this bundle again.</source>
        <comment>hq.device_new</comment>
        <translation>កុំព្យូទ័រ &apos;{name}&apos; មិនទាន់ត្រូវបានអនុម័តទេ។ ស្នាមម្រាមដៃរបស់វាគឺ {fingerprint}៖ សូមពិនិត្យវាជាមួយមន្ត្រីរបស់កុំព្យូទ័រ ដំណើរការពាក្យបញ្ជាទីស្នាក់ការកណ្តាល `fieldapp hq device approve {device_id}` បន្ទាប់មកនាំចូលកញ្ចប់នេះម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptop &apos;{name}&apos; was re-keyed: its new device key has fingerprint {fingerprint} (the change is signed by its old key). Check it with the laptop&apos;s admin, run `fieldapp hq device approve {device_id}`, then import this bundle again.</source>
        <comment>hq.device_rekeyed</comment>
        <translation>កុំព្យូទ័រ &apos;{name}&apos; ត្រូវបានប្តូរកូនសោ៖ កូនសោឧបករណ៍ថ្មីរបស់វាមានស្នាមម្រាមដៃ {fingerprint} (ការប្តូរនេះចុះហត្ថលេខាដោយកូនសោចាស់របស់វា)។ សូមពិនិត្យវាជាមួយអ្នកគ្រប់គ្រងរបស់កុំព្យូទ័រ ដំណើរការពាក្យបញ្ជាទីស្នាក់ការកណ្តាល `fieldapp hq device approve {device_id}` បន្ទាប់មកនាំចូលកញ្ចប់នេះម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptop &apos;{name}&apos; has been revoked; its bundles are refused.</source>
        <comment>hq.device_revoked</comment>
        <translation>កុំព្យូទ័រ &apos;{name}&apos; ត្រូវបានដកសិទ្ធិ៖ កញ្ចប់ទិន្នន័យរបស់វាត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A device can be approved or revoked, not &apos;{status}&apos;.</source>
        <comment>hq.device_status</comment>
        <translation>ឧបករណ៍មួយអាចត្រូវបានអនុម័ត ឬដកសិទ្ធិ មិនមែន &apos;{status}&apos; ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A revoked device stays revoked; enrol the laptop again with a new vault.</source>
        <comment>hq.device_stays_revoked</comment>
        <translation>ឧបករណ៍ដែលបានដកសិទ្ធិនៅតែត្រូវបានដកសិទ្ធិ៖ សូមចុះឈ្មោះកុំព្យូទ័រនោះម្តងទៀតជាមួយឃ្លាំងទិន្នន័យថ្មី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has never seen a device {device_id}.</source>
        <comment>hq.device_unknown</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនដែលឃើញឧបករណ៍ {device_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptop &apos;{name}&apos; is still waiting for approval (fingerprint {fingerprint}); run `fieldapp hq device approve {device_id}`, then import this bundle again.</source>
        <comment>hq.device_waiting</comment>
        <translation>កុំព្យូទ័រ &apos;{name}&apos; នៅតែរង់ចាំការអនុម័ត (ស្នាមម្រាមដៃ {fingerprint}); ដំណើរការពាក្យបញ្ជាទីស្នាក់ការកណ្តាល `fieldapp hq device approve {device_id}` បន្ទាប់មកនាំចូលកញ្ចប់នេះម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} holds no list of receiving bodies.</source>
        <comment>hq.directory_no_bodies</comment>
        <translation>{path} គ្មានបញ្ជីស្ថាប័នទទួលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s directory has no receiving body with the id {body_id}.</source>
        <comment>hq.directory_no_body</comment>
        <translation>បញ្ជីស្ថាប័នរបស់ទីស្នាក់ការកណ្តាលគ្មានស្ថាប័នទទួលដែលមានលេខសម្គាល់ {body_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The directory was not imported: {reason}.</source>
        <comment>hq.directory_refused</comment>
        <translation>បញ្ជីស្ថាប័នមិនត្រូវបាននាំចូលទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} cannot be read ({reason}).</source>
        <comment>hq.directory_unreadable</comment>
        <translation>មិនអាចអាន {path} បានទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--{name} &apos;{value}&apos;: give a date as YYYY-MM-DD (or an ISO time).</source>
        <comment>hq.disclosure_bad_date</comment>
        <translation>--{name} &apos;{value}&apos;៖ សូមផ្តល់កាលបរិច្ឆេទជា YYYY-MM-DD (ឬពេលវេលា ISO)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say who discloses (the analyst&apos;s name).</source>
        <comment>hq.disclosure_needs_actor</comment>
        <translation>សូមបញ្ជាក់អ្នកបង្ហាញព័ត៌មាន (ឈ្មោះអ្នកវិភាគ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind &apos;{kind}&apos;: choose one of {kinds}.</source>
        <comment>hq.disclosure_unknown_kind</comment>
        <translation>ប្រភេទមិនស្គាល់ &apos;{kind}&apos;៖ សូមជ្រើសរើសមួយក្នុងចំណោម {kinds}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date range is empty: {low} is after {high}.</source>
        <comment>hq.empty_date_range</comment>
        <translation>ចន្លោះកាលបរិច្ឆេទទទេ៖ {low} នៅក្រោយ {high}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment file has expired; ask HQ for a new one.</source>
        <comment>hq.enrolment_expired</comment>
        <translation>ឯកសារចុះឈ្មោះនេះផុតកំណត់ហើយ៖ សូមស្នើសុំឯកសារថ្មីពីទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the laptop this enrolment file is for (--device NAME).</source>
        <comment>hq.enrolment_needs_device</comment>
        <translation>សូមដាក់ឈ្មោះកុំព្យូទ័រដែលឯកសារចុះឈ្មោះនេះសម្រាប់ (--device NAME)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ did not issue this enrolment.</source>
        <comment>hq.enrolment_not_issued</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនបានចេញការចុះឈ្មោះនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle&apos;s enrolment file was already used by another laptop; it was refused and an alarm recorded.</source>
        <comment>hq.enrolment_reused</comment>
        <translation>ឯកសារចុះឈ្មោះនៃកញ្ចប់ទិន្នន័យនេះត្រូវបានប្រើរួចហើយដោយកុំព្យូទ័រផ្សេង៖ វាត្រូវបានបដិសេធ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This enrolment file was already used by another laptop; each file enrols one laptop.</source>
        <comment>hq.enrolment_used</comment>
        <translation>ឯកសារចុះឈ្មោះនេះត្រូវបានប្រើដោយកុំព្យូទ័រមួយផ្សេងទៀតរួចហើយ៖ ឯកសារនីមួយៗចុះឈ្មោះកុំព្យូទ័រតែមួយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An enrolment file is valid for 1 to 365 days.</source>
        <comment>hq.enrolment_validity</comment>
        <translation>ឯកសារចុះឈ្មោះមានសុពលភាពពី 1 ដល់ 365 ថ្ងៃ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event {event_id} (seq {seq}) arrived before with different content. Nothing from this bundle was imported; an alarm was recorded.</source>
        <comment>hq.event_content_differs</comment>
        <translation>ព្រឹត្តិការណ៍ {event_id} (លេខរៀង {seq}) បានមកដល់ពីមុនជាមួយខ្លឹមសារផ្សេង។ គ្មានអ្វីពីកញ្ចប់ទិន្នន័យនេះត្រូវបាននាំចូលទេ៖ ការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event {seq} does not chain to the one before it.</source>
        <comment>hq.event_not_chained</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} មិនតភ្ជាប់ទៅព្រឹត្តិការណ៍មុនវាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event {number} of the bundle does not match its signed manifest.</source>
        <comment>hq.event_not_in_manifest</comment>
        <translation>ព្រឹត្តិការណ៍ទី {number} នៃកញ្ចប់ទិន្នន័យមិនត្រូវនឹងបញ្ជីមាតិកាដែលបានចុះហត្ថលេខារបស់វាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle&apos;s events fail their checks: {problems}</source>
        <comment>hq.events_fail</comment>
        <translation>ព្រឹត្តិការណ៍នៃកញ្ចប់ទិន្នន័យនេះមិនឆ្លងកាត់ការត្រួតពិនិត្យ៖ {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} already holds an HQ; use another folder for a new one.</source>
        <comment>hq.exists</comment>
        <translation>{folder} មានទីស្នាក់ការកណ្តាលរួចហើយ៖ សូមប្រើថតផ្សេងសម្រាប់ទីស្នាក់ការកណ្តាលថ្មី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export HQ&apos;s recovery key first (`fieldapp hq recovery-key export`): it updates the key file.</source>
        <comment>hq.export_recovery_first</comment>
        <translation>សូមនាំចេញសោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលជាមុនសិន (`fieldapp hq recovery-key export`)៖ វាធ្វើបច្ចុប្បន្នភាពឯកសារសោ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A {kind} in the bundle does not match its hash in the manifest.</source>
        <comment>hq.file_hash_differs</comment>
        <translation>{kind} មួយនៅក្នុងកញ្ចប់ទិន្នន័យមិនត្រូវនឹងតម្លៃហាសរបស់វានៅក្នុងបញ្ជីមាតិកាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ could not answer this request (HTTP {status}).</source>
        <comment>hq.http_error</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនអាចឆ្លើយតបសំណើនេះបានទេ (HTTP {status})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ must keep at least one active admin account.</source>
        <comment>hq.keep_one_admin</comment>
        <translation>ទីស្នាក់ការកណ្តាលត្រូវរក្សាគណនីអ្នកគ្រប់គ្រងសកម្មយ៉ាងហោចណាស់មួយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ key file {path} was altered: its accounts or keys do not match.</source>
        <comment>hq.key_file_altered</comment>
        <translation>ឯកសារសោរបស់ទីស្នាក់ការកណ្តាល {path} ត្រូវបានកែប្រែ៖ គណនី ឬសោរបស់វាមិនត្រូវគ្នា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ key file {path} is damaged ({reason}).</source>
        <comment>hq.key_file_damaged</comment>
        <translation>ឯកសារសោរបស់ទីស្នាក់ការកណ្តាល {path} បានខូច ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not an HQ key file this program knows.</source>
        <comment>hq.key_file_unknown</comment>
        <translation>{path} មិនមែនជាឯកសារសោទីស្នាក់ការកណ្តាលដែលកម្មវិធីនេះស្គាល់ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ key file {path} cannot be read or is damaged.</source>
        <comment>hq.key_file_unreadable</comment>
        <translation>ឯកសារសោរបស់ទីស្នាក់ការកណ្តាល {path} មិនអាចអានបាន ឬបានខូច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has not approved this laptop yet (waiting for HQ approval); no receipt yet.</source>
        <comment>hq.laptop_not_approved_yet</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនទាន់អនុម័តកុំព្យូទ័រនេះនៅឡើយទេ (កំពុងរង់ចាំការអនុម័តពីទីស្នាក់ការកណ្តាល)៖ មិនទាន់មានបង្កាន់ដៃទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop has been revoked by HQ; its requests are refused.</source>
        <comment>hq.laptop_revoked</comment>
        <translation>កុំព្យូទ័រនេះត្រូវបានទីស្នាក់ការកណ្តាលដកសិទ្ធិ៖ សំណើរបស់វាត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A liaison sees only the nationalities or receiving bodies given to the account.</source>
        <comment>hq.liaison_needs_scope</comment>
        <translation>អ្នកសម្របសម្រួលឃើញតែសញ្ជាតិ ឬស្ថាប័នទទួលដែលបានផ្តល់ឱ្យគណនីប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle breaks a record&apos;s life cycle ({reason}); nothing from it was imported and an alarm was recorded.</source>
        <comment>hq.life_cycle_broken</comment>
        <translation>កញ្ចប់ទិន្នន័យនេះបំពានវដ្តជីវិតរបស់កំណត់ត្រាមួយ ({reason})៖ គ្មានអ្វីពីវាត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link {link_id} is already undone.</source>
        <comment>hq.link_undone</comment>
        <translation>តំណភ្ជាប់ {link_id} ត្រូវបានផ្តាច់រួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ needs a name (e.g. the unit&apos;s name), shown to officers when they enrol.</source>
        <comment>hq.needs_name</comment>
        <translation>ទីស្នាក់ការកណ្តាលត្រូវការឈ្មោះ (ឧ. ឈ្មោះអង្គភាព) ដែលបង្ហាញដល់មន្ត្រីនៅពេលពួកគេចុះឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has no account named &apos;{name}&apos;.</source>
        <comment>hq.no_account</comment>
        <translation>ទីស្នាក់ការកណ្តាលគ្មានគណនីឈ្មោះ &apos;{name}&apos; ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no conflict {conflict_id} in the review queue.</source>
        <comment>hq.no_conflict</comment>
        <translation>គ្មានភាពផ្ទុយគ្នា {conflict_id} នៅក្នុងជួរពិនិត្យឡើងវិញទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no handover handed over with this id at HQ (was its bundle imported?).</source>
        <comment>hq.no_handover</comment>
        <translation>គ្មានការប្រគល់ដែលបានប្រគល់ជាមួយលេខសម្គាល់នេះនៅទីស្នាក់ការកណ្តាលទេ (តើកញ្ចប់ទិន្នន័យរបស់វាត្រូវបាននាំចូលហើយឬនៅ?)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no link {link_id}.</source>
        <comment>hq.no_link</comment>
        <translation>គ្មានតំណភ្ជាប់ {link_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ holds no person {person_id}.</source>
        <comment>hq.no_person</comment>
        <translation>ទីស្នាក់ការកណ្តាលគ្មានបុគ្គល {person_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt folder {folder} does not exist; nothing was imported.</source>
        <comment>hq.no_receipt_folder</comment>
        <translation>ថតបង្កាន់ដៃ {folder} មិនមានទេ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This HQ process holds no receipt key.</source>
        <comment>hq.no_receipt_key</comment>
        <translation>ដំណើរការទីស្នាក់ការកណ្តាលនេះគ្មានសោបង្កាន់ដៃទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has no receipt for this laptop yet; push a bundle first.</source>
        <comment>hq.no_receipt_yet</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនទាន់មានបង្កាន់ដៃសម្រាប់កុំព្យូទ័រនេះទេ៖ សូមផ្ញើកញ្ចប់ទិន្នន័យជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This HQ process does not hold HQ&apos;s signing key (it only answers laptops).</source>
        <comment>hq.no_signing_key</comment>
        <translation>ដំណើរការទីស្នាក់ការកណ្តាលនេះមិនមានសោចុះហត្ថលេខារបស់ទីស្នាក់ការកណ្តាលទេ (វាគ្រាន់តែឆ្លើយតបកុំព្យូទ័រប៉ុណ្ណោះ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such address on HQ.</source>
        <comment>hq.no_such_address</comment>
        <translation>មិនមានអាសយដ្ឋាននេះនៅទីស្នាក់ការកណ្តាលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptop {device_id} has no officer {officer_id} that HQ knows of.</source>
        <comment>hq.no_such_officer</comment>
        <translation>កុំព្យូទ័រ {device_id} គ្មានមន្ត្រី {officer_id} ដែលទីស្នាក់ការកណ្តាលស្គាល់ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has no such upload from this laptop; start the upload again.</source>
        <comment>hq.no_such_upload</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនមានការផ្ញើនេះពីកុំព្យូទ័រនេះទេ៖ សូមចាប់ផ្តើមផ្ញើម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a directory file this program reads ({reason}).</source>
        <comment>hq.not_a_directory_file</comment>
        <translation>{path} មិនមែនជាឯកសារបញ្ជីស្ថាប័នដែលកម្មវិធីនេះអានបានទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no HQ in {folder}. Create one with `fieldapp hq init`.</source>
        <comment>hq.not_found</comment>
        <translation>គ្មានទីស្នាក់ការកណ្តាលនៅក្នុង {folder} ទេ។ សូមបង្កើតវាដោយ `fieldapp hq init`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An admin cannot disable their own account; ask another admin.</source>
        <comment>hq.not_own_account</comment>
        <translation>អ្នកគ្រប់គ្រងមិនអាចបិទគណនីផ្ទាល់ខ្លួនបានទេ៖ សូមសុំអ្នកគ្រប់គ្រងម្នាក់ទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This handover already names a body from the directory; there is nothing to map.</source>
        <comment>hq.nothing_to_map</comment>
        <translation>ការប្រគល់នេះបានដាក់ឈ្មោះស្ថាប័នមួយពីបញ្ជីរួចហើយ៖ គ្មានអ្វីត្រូវផ្គូផ្គងទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was already revoked on {date}.</source>
        <comment>hq.officer_already_revoked</comment>
        <translation>{name} ត្រូវបានដកសិទ្ធិរួចហើយនៅ {date}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a liaison&apos;s account has a PostgreSQL role of its own.</source>
        <comment>hq.only_liaison_role</comment>
        <translation>មានតែគណនីរបស់អ្នកសម្របសម្រួលប៉ុណ្ណោះដែលមានតួនាទី PostgreSQL ផ្ទាល់ខ្លួន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a liaison&apos;s account is limited to nationalities or receiving bodies.</source>
        <comment>hq.only_liaison_scoped</comment>
        <translation>មានតែគណនីរបស់អ្នកសម្របសម្រួលប៉ុណ្ណោះដែលត្រូវបានកំណត់ត្រឹមសញ្ជាតិ ឬស្ថាប័នទទួល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A laptop may only fetch its own receipts.</source>
        <comment>hq.own_receipts_only</comment>
        <translation>កុំព្យូទ័រមួយអាចយកបានតែបង្កាន់ដៃរបស់ខ្លួនប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This pair was dismissed as two different persons; it cannot be linked.</source>
        <comment>hq.pair_dismissed</comment>
        <translation>គូនេះត្រូវបានច្រានចោលថាជាបុគ្គលពីរនាក់ផ្សេងគ្នា៖ វាមិនអាចភ្ជាប់បានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person cannot be paired with themself.</source>
        <comment>hq.pair_with_self</comment>
        <translation>បុគ្គលម្នាក់មិនអាចផ្គូផ្គងជាមួយខ្លួនឯងបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk is full: {name} was not written.</source>
        <comment>hq.partner_disk_full</comment>
        <translation>ថាសពេញ៖ {name} មិនត្រូវបានសរសេរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypting the package failed: {reason}</source>
        <comment>hq.partner_encrypting_failed</comment>
        <translation>ការអ៊ិនគ្រីបកញ្ចប់បានបរាជ័យ៖ {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypting the package stopped early; nothing was written.</source>
        <comment>hq.partner_encrypting_stopped</comment>
        <translation>ការអ៊ិនគ្រីបកញ្ចប់បានឈប់មុនពេល៖ គ្មានអ្វីត្រូវបានសរសេរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The partner export was cancelled; no file was written.</source>
        <comment>hq.partner_export_cancelled</comment>
        <translation>ការនាំចេញសម្រាប់ដៃគូត្រូវបានបោះបង់ គ្មានឯកសារត្រូវបានសរសេរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{partner}&apos; is not a kind of partner: {kinds}.</source>
        <comment>hq.partner_kind_unknown</comment>
        <translation>&apos;{partner}&apos; មិនមែនជាប្រភេទដៃគូទេ៖ {kinds}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{start}&apos;… is not an age recipient; the partner&apos;s key starts with &apos;age1&apos;.</source>
        <comment>hq.partner_not_a_recipient</comment>
        <translation>&apos;{start}&apos;… មិនមែនជាអ្នកទទួល age ទេ៖ សោរបស់ដៃគូចាប់ផ្តើមដោយ &apos;age1&apos;។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A partner package is encrypted to the partner&apos;s age key: give it (age1…); a plain zip must be asked for explicitly.</source>
        <comment>hq.partner_recipient_needed</comment>
        <translation>កញ្ចប់សម្រាប់ដៃគូត្រូវបានអ៊ិនគ្រីបទៅសោ age របស់ដៃគូ៖ សូមផ្តល់វា (age1…)៖ ឯកសារ zip ធម្មតាត្រូវតែស្នើសុំដោយច្បាស់លាស់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one: a partner recipient to encrypt to, or an unencrypted package.</source>
        <comment>hq.partner_recipient_or_plain</comment>
        <translation>សូមជ្រើសរើសមួយ៖ អ្នកទទួលជាដៃគូដើម្បីអ៊ិនគ្រីបទៅ ឬកញ្ចប់មិនអ៊ិនគ្រីប។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ holds as much from laptops waiting for approval as it will; try again later.</source>
        <comment>hq.pending_spool_full</comment>
        <translation>ទីស្នាក់ការកណ្តាលរក្សាទុកទិន្នន័យពីកុំព្យូទ័រដែលកំពុងរង់ចាំការអនុម័តបានត្រឹមតែប៉ុណ្ណេះ៖ សូមព្យាយាមម្តងទៀតពេលក្រោយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ takes at most {megabytes} MB from a laptop it has not approved yet; ask HQ to approve this laptop (its fingerprint), then send the rest.</source>
        <comment>hq.pending_upload_limit</comment>
        <translation>ទីស្នាក់ការកណ្តាលទទួលយ៉ាងច្រើន {megabytes} MB ពីកុំព្យូទ័រដែលខ្លួនមិនទាន់អនុម័ត៖ សូមស្នើឱ្យទីស្នាក់ការកណ្តាលអនុម័តកុំព្យូទ័រនេះ (ស្នាមម្រាមដៃរបស់វា) បន្ទាប់មកផ្ញើផ្នែកដែលនៅសល់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event {seq} of this bundle changes a record HQ does not hold yet ({reason}); import the other laptops&apos; bundles first, then this one again.</source>
        <comment>hq.prerequisite_missing</comment>
        <translation>ព្រឹត្តិការណ៍ {seq} នៃកញ្ចប់ទិន្នន័យនេះកែប្រែកំណត់ត្រាដែលទីស្នាក់ការកណ្តាលមិនទាន់មាន ({reason})៖ សូមនាំចូលកញ្ចប់ទិន្នន័យរបស់កុំព្យូទ័រផ្សេងទៀតជាមុនសិន រួចនាំចូលកញ្ចប់នេះម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s recovery key was already exported from this key file; it is kept offline.</source>
        <comment>hq.recovery_already_exported</comment>
        <translation>សោសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលត្រូវបាននាំចេញពីឯកសារសោនេះរួចហើយ៖ វាត្រូវបានរក្សាទុកក្រៅបណ្តាញ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery key could not be read back from {path}; the key file was not changed.</source>
        <comment>hq.recovery_not_read_back</comment>
        <translation>មិនអាចអានសោសង្គ្រោះត្រឡប់មកវិញពី {path} បានទេ៖ ឯកសារសោមិនត្រូវបានផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists; choose a new file for the recovery key.</source>
        <comment>hq.recovery_target_exists</comment>
        <translation>{path} មានរួចហើយ៖ សូមជ្រើសរើសឯកសារថ្មីសម្រាប់សោសង្គ្រោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ store could not be re-keyed: close every other program that has it open (hq serve, the HQ app) and open HQ again, which finishes the re-key ({reason}).</source>
        <comment>hq.rekey_blocked</comment>
        <translation>មិនអាចប្តូរសោឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលបានទេ៖ សូមបិទកម្មវិធីផ្សេងទៀតទាំងអស់ដែលកំពុងបើកវា (hq serve កម្មវិធីទីស្នាក់ការកណ្តាល) ហើយបើកទីស្នាក់ការកណ្តាលម្តងទៀត ដែលនឹងបញ្ចប់ការប្តូរសោ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request&apos;s signature does not check out; it was refused.</source>
        <comment>hq.request_bad_signature</comment>
        <translation>ហត្ថលេខារបស់សំណើមិនត្រឹមត្រូវ៖ វាត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request&apos;s time is too far from HQ&apos;s clock (a replay, or a wrong clock).</source>
        <comment>hq.request_clock_off</comment>
        <translation>ពេលវេលារបស់សំណើខុសពីនាឡិការបស់ទីស្នាក់ការកណ្តាលច្រើនពេក (ការផ្ញើឡើងវិញ ឬនាឡិកាខុស)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection was cut before the request was complete.</source>
        <comment>hq.request_cut_short</comment>
        <translation>ការតភ្ជាប់ត្រូវបានកាត់ផ្តាច់មុនពេលសំណើពេញលេញ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request is malformed.</source>
        <comment>hq.request_malformed</comment>
        <translation>សំណើមានទម្រង់មិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request is not signed by a laptop (header {header} is missing or malformed).</source>
        <comment>hq.request_not_signed</comment>
        <translation>សំណើនេះមិនត្រូវបានចុះហត្ថលេខាដោយកុំព្យូទ័រទេ (ក្បាល {header} បាត់ ឬមានទម្រង់មិនត្រឹមត្រូវ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request is signed with another key than the one HQ holds for this laptop.</source>
        <comment>hq.request_other_key</comment>
        <translation>សំណើនេះត្រូវបានចុះហត្ថលេខាដោយសោផ្សេងពីសោដែលទីស្នាក់ការកណ្តាលមានសម្រាប់កុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request was already received once (a replay); it was refused.</source>
        <comment>hq.request_replayed</comment>
        <translation>សំណើនេះត្រូវបានទទួលម្តងរួចហើយ (ការផ្ញើឡើងវិញ)៖ វាត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request is larger than HQ accepts ({limit} bytes at most).</source>
        <comment>hq.request_too_large</comment>
        <translation>សំណើធំជាងអ្វីដែលទីស្នាក់ការកណ្តាលទទួល (យ៉ាងច្រើន {limit} បៃ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is signed in as {role}; an HQ {role} may not {what}.</source>
        <comment>hq.role_may_not</comment>
        <translation>{name} បានចូលជា {role}៖ {role} នៃទីស្នាក់ការកណ្តាលមិនអាច{what}បានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duplicate search was cancelled.</source>
        <comment>hq.search_cancelled</comment>
        <translation>ការស្វែងរកបុគ្គលស្ទួនត្រូវបានបោះបង់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seq {seq} of this laptop was already received as another event (a cloned or restored vault?). Nothing from this bundle was imported; an alarm was recorded.</source>
        <comment>hq.seq_reused</comment>
        <translation>លេខរៀង {seq} នៃកុំព្យូទ័រនេះត្រូវបានទទួលរួចហើយជាព្រឹត្តិការណ៍ផ្សេង (ឃ្លាំងទិន្នន័យដែលបានចម្លង ឬស្តារឡើងវិញ?)។ គ្មានអ្វីពីកញ្ចប់ទិន្នន័យនេះត្រូវបាននាំចូលទេ៖ ការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with an HQ account to {what}.</source>
        <comment>hq.sign_in_to</comment>
        <translation>សូមចូលដោយគណនីទីស្នាក់ការកណ្តាលដើម្បី{what}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists; refusing to overwrite an HQ store.</source>
        <comment>hq.store_exists</comment>
        <translation>{path} មានរួចហើយ៖ មិនសរសេរជាន់លើឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ store {path} is missing.</source>
        <comment>hq.store_missing</comment>
        <translation>ឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាល {path} បាត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ store belongs to another HQ key file.</source>
        <comment>hq.store_of_other_hq</comment>
        <translation>ឃ្លាំងទិន្នន័យនេះជារបស់ឯកសារសោទីស្នាក់ការកណ្តាលផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored file {sha256}… fails its integrity check (altered in the database?).</source>
        <comment>hq.stored_file_altered</comment>
        <translation>ឯកសារដែលបានរក្សាទុក {sha256}… មិនឆ្លងកាត់ការពិនិត្យភាពត្រឹមត្រូវទេ (ត្រូវបានកែប្រែនៅក្នុងមូលដ្ឋានទិន្នន័យ?)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many refused requests; wait a moment.</source>
        <comment>hq.too_many_refused</comment>
        <translation>សំណើត្រូវបានបដិសេធច្រើនពេក៖ សូមរង់ចាំបន្តិច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many requests from this laptop; wait a moment.</source>
        <comment>hq.too_many_requests</comment>
        <translation>សំណើពីកុំព្យូទ័រនេះច្រើនពេក៖ សូមរង់ចាំបន្តិច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This bundle claims to come from laptop &apos;{name}&apos; but is signed with another key, which its log does not announce. It was refused and an alarm recorded.</source>
        <comment>hq.unannounced_key</comment>
        <translation>កញ្ចប់ទិន្នន័យនេះអះអាងថាមកពីកុំព្យូទ័រ &apos;{name}&apos; ប៉ុន្តែត្រូវបានចុះហត្ថលេខាដោយសោផ្សេង ដែលកំណត់ហេតុរបស់វាមិនបានប្រកាស។ វាត្រូវបានបដិសេធ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ does not know this laptop (no bundle from it yet and no enrolment HQ issued).</source>
        <comment>hq.unknown_laptop</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនស្គាល់កុំព្យូទ័រនេះទេ (មិនទាន់មានកញ្ចប់ទិន្នន័យពីវា ហើយគ្មានការចុះឈ្មោះដែលទីស្នាក់ការកណ្តាលបានចេញ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These two are linked ({link_id}); unlink them first.</source>
        <comment>hq.unlink_first</comment>
        <translation>បុគ្គលទាំងពីរនេះត្រូវបានភ្ជាប់ ({link_id})៖ សូមផ្តាច់ពួកគេជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an upload with {{&quot;size&quot;: BYTES, &quot;sha256&quot;: HEX}}.</source>
        <comment>hq.upload_bad_start</comment>
        <translation>ចាប់ផ្តើមការផ្ញើដោយ {{&quot;size&quot;: BYTES, &quot;sha256&quot;: HEX}}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The uploaded bytes do not match the bundle&apos;s hash; send the bundle again.</source>
        <comment>hq.upload_hash_differs</comment>
        <translation>បៃដែលបានផ្ញើមិនត្រូវនឹងតម្លៃហាសរបស់កញ្ចប់ទិន្នន័យទេ៖ សូមផ្ញើកញ្ចប់ទិន្នន័យម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has only {held} of {size} bytes of this bundle.</source>
        <comment>hq.upload_incomplete</comment>
        <translation>ទីស្នាក់ការកណ្តាលមានតែ {held} ក្នុងចំណោម {size} បៃនៃកញ្ចប់ទិន្នន័យនេះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An upload of this bundle with another size is under way.</source>
        <comment>hq.upload_other_size</comment>
        <translation>ការផ្ញើកញ្ចប់ទិន្នន័យនេះដែលមានទំហំផ្សេង កំពុងដំណើរការ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say which HQ account signs in (--account NAME): {names}.</source>
        <comment>hq.which_account</comment>
        <translation>សូមបញ្ជាក់គណនីទីស្នាក់ការកណ្តាលដែលចូល (--account NAME)៖ {names}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This address does not take that method.</source>
        <comment>hq.wrong_method</comment>
        <translation>អាសយដ្ឋាននេះមិនទទួលវិធីសាស្ត្រនោះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HQ passphrase is not right (or the key file was altered).</source>
        <comment>hq.wrong_passphrase</comment>
        <translation>ឃ្លាសម្ងាត់របស់ទីស្នាក់ការកណ្តាលមិនត្រឹមត្រូវទេ (ឬឯកសារសោត្រូវបានកែប្រែ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ decisions: {problem}</source>
        <comment>hq_check.decisions_broken</comment>
        <translation>ការសម្រេចចិត្តរបស់ទីស្នាក់ការកណ្តាល៖ {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ disclosure log: {problem}</source>
        <comment>hq_check.disclosures_broken</comment>
        <translation>កំណត់ហេតុបើកចំហព័ត៌មានរបស់ទីស្នាក់ការកណ្តាល៖ {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>laptop {name}: its log ends with another device key than the one HQ approved</source>
        <comment>hq_check.key_not_approved</comment>
        <translation>កុំព្យូទ័រ {name}៖ កំណត់ហេតុរបស់វាបញ្ចប់ដោយកូនសោឧបករណ៍ផ្សេងពីកូនសោដែលទីស្នាក់ការកណ្តាលបានអនុម័ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the logs cannot be folded again ({problem})</source>
        <comment>hq_check.not_foldable</comment>
        <translation>កំណត់ហេតុមិនអាចអានឡើងវិញបានទេ ({problem})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{table} differs from a fold of the logs</source>
        <comment>hq_check.projection_differs</comment>
        <translation>{table} មិនដូចលទ្ធផលនៃការអានកំណត់ហេតុឡើងវិញទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event {seq}: content cannot be hashed ({reason})</source>
        <comment>import.cannot_hash</comment>
        <translation>ព្រឹត្តិការណ៍ {seq}៖ មិនអាចគណនាហាសនៃខ្លឹមសារបានទេ ({reason})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{a} and {b} are not linked.</source>
        <comment>link.not_linked</comment>
        <translation>{a} និង {b} មិនបានភ្ជាប់គ្នាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minor} may be under 18 and is linked to an adult, {adult}. The adult may be the recruiter or the exploiter: speak with the child apart from them, with a social worker, before they are handed over together. Nothing is grouped automatically.</source>
        <comment>link.safeguarding</comment>
        <translation>{minor} អាចមានអាយុក្រោម ១៨ ឆ្នាំ ហើយត្រូវបានភ្ជាប់ជាមួយមនុស្សពេញវ័យ {adult}។ មនុស្សពេញវ័យនោះអាចជាអ្នកជ្រើសរើស ឬអ្នកកេងប្រវ័ញ្ច៖ សូមនិយាយជាមួយកុមារដាច់ដោយឡែកពីគាត់ ជាមួយបុគ្គលិកសង្គមកិច្ច មុនពេលប្រគល់ពួកគេជាមួយគ្នា។ គ្មានអ្វីត្រូវបានដាក់ជាក្រុមដោយស្វ័យប្រវត្តិទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person cannot be linked to themselves.</source>
        <comment>link.same_person</comment>
        <translation>មិនអាចភ្ជាប់បុគ្គលម្នាក់ជាមួយខ្លួនឯងបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{temp_id} ({relation}) was handed over to {body}; this handover sends this person elsewhere. Keep them together unless there is a reason not to.</source>
        <comment>link.separated</comment>
        <translation>{temp_id} ({relation}) ត្រូវបានប្រគល់ទៅ {body} ហើយការប្រគល់នេះបញ្ជូនបុគ្គលនេះទៅកន្លែងផ្សេង។ សូមរក្សាពួកគេនៅជាមួយគ្នា លើកលែងតែមានហេតុផលមិនឱ្យធ្វើដូច្នោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{relation} is not a kind of link.</source>
        <comment>link.unknown_relation</comment>
        <translation>{relation} មិនមែនជាប្រភេទនៃការភ្ជាប់ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already disabled.</source>
        <comment>officer.already_disabled</comment>
        <translation>{name} ត្រូវបានបិទរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is already a {role}.</source>
        <comment>officer.already_role</comment>
        <translation>{name} ជា {role} រួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot disable yourself; ask another admin.</source>
        <comment>officer.cannot_disable_self</comment>
        <translation>អ្នកមិនអាចបិទខ្លួនឯងបានទេ សូមសុំអ្នកគ្រប់គ្រងម្នាក់ទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome, {name}. That was the one-time passphrase your admin gave you: choose your own passphrase now. Nobody else will know it, and it is the only way to sign in from now on.</source>
        <comment>officer.choose_own_passphrase</comment>
        <translation>សូមស្វាគមន៍ {name}។ នោះជាឃ្លាសម្ងាត់ប្រើតែម្តងដែលអ្នកគ្រប់គ្រងបានផ្តល់ឱ្យអ្នក៖ ឥឡូវនេះ សូមជ្រើសរើសឃ្លាសម្ងាត់ផ្ទាល់ខ្លួនរបស់អ្នក។ គ្មាននរណាម្នាក់ផ្សេងទៀតនឹងដឹងវាទេ ហើយចាប់ពីពេលនេះតទៅ វាជាមធ្យោបាយតែមួយគត់ដើម្បីចូល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has been disabled and can no longer unlock this vault.</source>
        <comment>officer.disabled</comment>
        <translation>{name} ត្រូវបានបិទ ហើយមិនអាចដោះសោឃ្លាំងទិន្នន័យនេះទៀតបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first officer needs a name.</source>
        <comment>officer.first_needs_name</comment>
        <translation>មន្ត្រីទីមួយត្រូវការឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is already an officer called &apos;{name}&apos;.</source>
        <comment>officer.name_taken</comment>
        <translation>មានមន្ត្រីឈ្មោះ &apos;{name}&apos; រួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The officer needs a name.</source>
        <comment>officer.needs_name</comment>
        <translation>មន្ត្រីត្រូវការឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This officer is not recorded in the vault.</source>
        <comment>officer.not_recorded</comment>
        <translation>មន្ត្រីនេះមិនត្រូវបានកត់ត្រាក្នុងឃ្លាំងទិន្នន័យទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a passphrase of your own, not the one-time passphrase you were given.</source>
        <comment>officer.not_the_one_time</comment>
        <translation>សូមជ្រើសរើសឃ្លាសម្ងាត់ផ្ទាល់ខ្លួនរបស់អ្នក មិនមែនឃ្លាសម្ងាត់ប្រើតែម្តងដែលគេបានផ្តល់ឱ្យអ្នកទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key slot is missing from this vault.</source>
        <comment>officer.own_slot_missing</comment>
        <translation>រន្ធកូនសោរបស់អ្នកបាត់ពីឃ្លាំងទិន្នន័យនេះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has revoked {name}&apos;s access to this laptop, so {name} can no longer unlock it. Another officer can; the laptop&apos;s admin should disable this officer and re-key the vault (fieldapp officer disable NAME --rekey).</source>
        <comment>officer.revoked_by_hq</comment>
        <translation>ទីស្នាក់ការកណ្តាលបានដកសិទ្ធិ {name} ពីកុំព្យូទ័រនេះ ដូច្នេះ {name} មិនអាចដោះសោវាទៀតបានទេ។ មន្ត្រីផ្សេងអាចដោះសោបាន អ្នកគ្រប់គ្រងកុំព្យូទ័រគួរបិទមន្ត្រីនេះ ហើយប្តូរកូនសោឃ្លាំងទិន្នន័យ (fieldapp officer disable NAME --rekey)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a {role} can {action}. You are signed in as {name}.</source>
        <comment>officer.role_required</comment>
        <translation>មានតែ {role} ទេដែលអាច {action}។ អ្នកបានចូលជា {name}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This officer&apos;s key slot was changed by another program at the same moment; unlock again.</source>
        <comment>officer.slot_changed</comment>
        <translation>រន្ធសោរបស់មន្ត្រីនេះត្រូវបានផ្លាស់ប្តូរដោយកម្មវិធីមួយទៀតក្នុងពេលតែមួយ៖ សូមដោះសោម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no officer called &apos;{name_or_id}&apos; in this vault.</source>
        <comment>officer.unknown</comment>
        <translation>គ្មានមន្ត្រីឈ្មោះ &apos;{name_or_id}&apos; ក្នុងឃ្លាំងទិន្នន័យនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No officer &apos;{officer}&apos; can unlock this vault. Officers: {names}.</source>
        <comment>officer.unknown_for_unlock</comment>
        <translation>គ្មានមន្ត្រី &apos;{officer}&apos; ដែលអាចដោះសោឃ្លាំងទិន្នន័យនេះទេ។ មន្ត្រី៖ {names}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown role &apos;{role}&apos;; choose one of: {roles}.</source>
        <comment>officer.unknown_role</comment>
        <translation>តួនាទីមិនស្គាល់ &apos;{role}&apos; សូមជ្រើសរើសមួយក្នុងចំណោម៖ {roles}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase is not right.</source>
        <comment>passphrase.not_right</comment>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase is not right. Wait {seconds} seconds before the next try.</source>
        <comment>passphrase.not_right_wait</comment>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវទេ។ សូមរង់ចាំ {seconds} វិនាទី មុនការព្យាយាមបន្ទាប់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This passphrase is too easy to guess (a common password, a name, a date or a simple pattern). Use four or more unrelated words.</source>
        <comment>passphrase.too_guessable</comment>
        <translation>ឃ្លាសម្ងាត់នេះងាយទាយពេក (ពាក្យសម្ងាត់ទូទៅ ឈ្មោះ កាលបរិច្ឆេទ ឬលំនាំសាមញ្ញ)។ សូមប្រើពាក្យបួន ឬច្រើនជាងនេះ ដែលមិនទាក់ទងគ្នា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A passphrase needs at least {minimum} characters; four or more words are best.</source>
        <comment>passphrase.too_short</comment>
        <translation>ឃ្លាសម្ងាត់ត្រូវការយ៉ាងតិច {minimum} តួអក្សរ ពាក្យបួន ឬច្រើនជាងនេះគឺល្អបំផុត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase is not right for this officer.</source>
        <comment>passphrase.wrong</comment>
        <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវសម្រាប់មន្ត្រីនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This photo is already attached to this person.</source>
        <comment>photo.already_attached</comment>
        <translation>រូបថតនេះត្រូវបានភ្ជាប់ទៅបុគ្គលនេះរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo file is damaged (bad header).</source>
        <comment>photo.bad_header</comment>
        <translation>ឯកសាររូបថតដែលបានរក្សាទុកត្រូវបានខូច (ក្បាលឯកសារខុស)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} is larger than any camera photo ({limit} megapixels at most): refused as a possible decompression bomb.</source>
        <comment>photo.bomb</comment>
        <translation>{label} ធំជាងរូបថតកាមេរ៉ាណាមួយ (យ៉ាងច្រើន {limit} មេហ្គាភីកសែល)៖ ត្រូវបានបដិសេធ ព្រោះអាចជាគ្រាប់បែកបង្ហាប់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} claims {width} × {height} pixels and is larger than any camera photo ({limit} megapixels at most): refused as a possible decompression bomb.</source>
        <comment>photo.bomb_claims</comment>
        <translation>{label} អះអាងថាមាន {width} × {height} ភីកសែល ហើយធំជាងរូបថតកាមេរ៉ាណាមួយ (យ៉ាងច្រើន {limit} មេហ្គាភីកសែល)៖ ត្រូវបានបដិសេធ ព្រោះអាចជាគ្រាប់បែកបង្ហាប់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the file cannot be read ({reason}).</source>
        <comment>photo.cannot_read</comment>
        <translation>{file}៖ មិនអាចអានឯកសារបានទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This photo is {status}; it can no longer be re-classified.</source>
        <comment>photo.cannot_reclassify</comment>
        <translation>រូបថតនេះ {status} វាមិនអាចចាត់ថ្នាក់ឡើងវិញបានទៀតទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: the {format} file is damaged ({reason}).</source>
        <comment>photo.damaged</comment>
        <translation>{label}៖ ឯកសារ {format} ត្រូវបានខូច ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: the {format} file is damaged or cut short ({reason}).</source>
        <comment>photo.damaged_or_cut_short</comment>
        <translation>{label}៖ ឯកសារ {format} ត្រូវបានខូច ឬកាត់ខ្លី ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: the file is empty.</source>
        <comment>photo.empty_file</comment>
        <translation>{source}៖ ឯកសារទទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo file changed while it was read.</source>
        <comment>photo.file_changed</comment>
        <translation>ឯកសាររូបថតដែលបានរក្សាទុកបានផ្លាស់ប្តូរ ពេលកំពុងអាន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo file is cut short.</source>
        <comment>photo.file_cut_short</comment>
        <translation>ឯកសាររូបថតដែលបានរក្សាទុកត្រូវបានកាត់ខ្លី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: the file is gone (was the card removed?).</source>
        <comment>photo.file_gone</comment>
        <translation>{file}៖ ឯកសារបាត់ (តើកាតត្រូវបានដកចេញឬ?)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The photo&apos;s encrypted file is missing from this laptop&apos;s data folder.</source>
        <comment>photo.file_missing</comment>
        <translation>ឯកសាររូបថតដែលបានអ៊ិនគ្រីបបាត់ពីថតទិន្នន័យរបស់កុំព្យូទ័រនេះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder {path} cannot be read ({reason}); the card may be damaged or locked.</source>
        <comment>photo.folder_unreadable</comment>
        <translation>មិនអាចអានថត {path} បានទេ ({reason}) កាតអាចខូច ឬត្រូវបានចាក់សោ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo does not match the hash recorded when it was taken; it may have been altered.</source>
        <comment>photo.hash_mismatch</comment>
        <translation>រូបថតដែលបានរក្សាទុកមិនត្រូវនឹងតម្លៃ hash ដែលបានកត់ត្រាពេលថតទេ វាអាចត្រូវបានកែប្រែ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} is not a folder (or the card was removed).</source>
        <comment>photo.not_a_folder</comment>
        <translation>{folder} មិនមែនជាថតទេ (ឬកាតត្រូវបានដកចេញ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: this is not a JPEG, PNG or HEIC photo (whatever its name says).</source>
        <comment>photo.not_a_photo</comment>
        <translation>{label}៖ នេះមិនមែនជារូបថត JPEG, PNG ឬ HEIC ទេ (ទោះបីឈ្មោះរបស់វានិយាយយ៉ាងណាក៏ដោយ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: this is a folder or a device, not a photo file.</source>
        <comment>photo.not_a_regular_file</comment>
        <translation>{file}៖ នេះជាថត ឬឧបករណ៍ មិនមែនជាឯកសាររូបថតទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This photo was purged or is not stored on this laptop.</source>
        <comment>photo.not_stored</comment>
        <translation>រូបថតនេះត្រូវបានលុប ឬមិនត្រូវបានរក្សាទុកនៅលើកុំព្យូទ័រនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: this user may not read the file.</source>
        <comment>photo.permission_denied</comment>
        <translation>{file}៖ អ្នកប្រើនេះមិនមានសិទ្ធិអានឯកសារទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person&apos;s record was withdrawn; photos cannot be added to it.</source>
        <comment>photo.person_withdrawn</comment>
        <translation>កំណត់ត្រារបស់បុគ្គលនេះត្រូវបានដកចេញ មិនអាចបន្ថែមរូបថតទៅវាបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The photo&apos;s PNG structure is damaged; no export copy can be made.</source>
        <comment>photo.png_damaged</comment>
        <translation>រចនាសម្ព័ន្ធ PNG របស់រូបថតត្រូវបានខូច មិនអាចធ្វើច្បាប់ចម្លងសម្រាប់នាំចេញបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purging a photo needs a reason (a few words at least).</source>
        <comment>photo.purge_needs_reason</comment>
        <translation>ការលុបរូបថតត្រូវការមូលហេតុ (យ៉ាងហោចណាស់ពាក្យពីរបី)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This photo was purged.</source>
        <comment>photo.purged</comment>
        <translation>រូបថតនេះត្រូវបានលុបចោល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: reading failed ({reason}); the card or disk may be damaged.</source>
        <comment>photo.read_failed</comment>
        <translation>{file}៖ ការអានបានបរាជ័យ ({reason}) កាត ឬថាសអាចខូច។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}: {size} MB is larger than the {limit} MB a photo may have; it was not read.</source>
        <comment>photo.too_big</comment>
        <translation>{label}៖ {size} MB ធំជាង {limit} MB ដែលរូបថតមួយអាចមាន វាមិនត្រូវបានអានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo does not decrypt: its file is damaged or belongs to another key.</source>
        <comment>photo.undecryptable</comment>
        <translation>រូបថតដែលបានរក្សាទុកមិនអាចឌិគ្រីបបានទេ៖ ឯកសាររបស់វាខូច ឬជារបស់កូនសោផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault names an unexpected photo file &apos;{file}&apos;.</source>
        <comment>photo.unexpected_file_name</comment>
        <translation>ឃ្លាំងទិន្នន័យដាក់ឈ្មោះឯកសាររូបថតដែលមិនរំពឹងទុក &apos;{file}&apos;។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no photo with id {photo_id}.</source>
        <comment>photo.unknown_id</comment>
        <translation>គ្មានរូបថតដែលមានលេខសម្គាល់ {photo_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown photo type &apos;{kind}&apos;; choose one of: {kinds}.</source>
        <comment>photo.unknown_kind</comment>
        <translation>ប្រភេទរូបថតមិនស្គាល់ &apos;{kind}&apos; សូមជ្រើសរើសមួយក្នុងចំណោម៖ {kinds}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt&apos;s signature is not HQ&apos;s: it was forged or altered. Nothing changed.</source>
        <comment>receipt.bad_signature</comment>
        <translation>ហត្ថលេខាលើបង្កាន់ដៃមិនមែនជារបស់ទីស្នាក់ការកណ្តាលទេ៖ វាត្រូវបានក្លែងបន្លំ ឬកែប្រែ។ គ្មានអ្វីផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt does not say which events HQ holds (it is from an older HQ program): nothing changed. Ask HQ to update fieldapp and send a new receipt.</source>
        <comment>receipt.no_chain_head</comment>
        <translation>បង្កាន់ដៃនេះមិនបានប្រាប់ថាទីស្នាក់ការកណ្តាលមានព្រឹត្តិការណ៍ណាខ្លះទេ (វាមកពីកម្មវិធីទីស្នាក់ការកណ្តាលចាស់)៖ គ្មានអ្វីផ្លាស់ប្តូរទេ។ សូមសុំឱ្យទីស្នាក់ការកណ្តាលធ្វើបច្ចុប្បន្នភាព fieldapp ហើយផ្ញើបង្កាន់ដៃថ្មី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a fieldapp receipt (or it is damaged).</source>
        <comment>receipt.not_a_receipt</comment>
        <translation>នេះមិនមែនជាបង្កាន់ដៃ fieldapp ទេ (ឬវាត្រូវបានខូច)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop is not enrolled with HQ, so it cannot check HQ&apos;s receipts.</source>
        <comment>receipt.not_enrolled</comment>
        <translation>កុំព្យូទ័រនេះមិនបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាលទេ ដូច្នេះវាមិនអាចពិនិត្យបង្កាន់ដៃរបស់ទីស្នាក់ការកណ្តាលបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ acknowledges event {seq}, but not this laptop&apos;s own: another copy of this vault (a clone or a restored backup) has sent HQ events in its name. Nothing changed and nothing will be purged; tell HQ at once.</source>
        <comment>receipt.not_our_events</comment>
        <translation>ទីស្នាក់ការកណ្តាលទទួលស្គាល់ព្រឹត្តិការណ៍ {seq} ប៉ុន្តែមិនមែនរបស់កុំព្យូទ័រនេះទេ៖ ច្បាប់ចម្លងមួយទៀតនៃឃ្លាំងទិន្នន័យនេះ (ការចម្លង ឬច្បាប់បម្រុងទុកដែលបានស្តារ) បានផ្ញើព្រឹត្តិការណ៍ទៅទីស្នាក់ការកណ្តាលក្នុងនាមវា។ គ្មានអ្វីផ្លាស់ប្តូរទេ ហើយគ្មានអ្វីនឹងត្រូវលុបទេ៖ សូមប្រាប់ទីស្នាក់ការកណ្តាលភ្លាមៗ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt is signed by another key than the HQ key this laptop trusts (and no change of key signed by that one). Nothing changed: it may be forged. Ask HQ.</source>
        <comment>receipt.not_pinned_key</comment>
        <translation>បង្កាន់ដៃនេះត្រូវបានចុះហត្ថលេខាដោយកូនសោផ្សេងពីកូនសោរបស់ទីស្នាក់ការកណ្តាលដែលកុំព្យូទ័រនេះទុកចិត្ត (ហើយគ្មានការប្តូរកូនសោដែលចុះហត្ថលេខាដោយកូនសោនោះទេ)។ គ្មានអ្វីផ្លាស់ប្តូរទេ៖ វាអាចជាការក្លែងបន្លំ។ សូមសួរទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt is from another HQ. Nothing changed.</source>
        <comment>receipt.other_hq</comment>
        <translation>បង្កាន់ដៃនេះមកពីទីស្នាក់ការកណ្តាលផ្សេង។ គ្មានអ្វីផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt is for another laptop. Nothing changed.</source>
        <comment>receipt.other_laptop</comment>
        <translation>បង្កាន់ដៃនេះសម្រាប់កុំព្យូទ័រផ្សេង។ គ្មានអ្វីផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file is too large to be a receipt.</source>
        <comment>receipt.too_large</comment>
        <translation>ឯកសារនេះធំពេកដើម្បីជាបង្កាន់ដៃ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This receipt acknowledges events this laptop never made. Nothing changed.</source>
        <comment>receipt.unknown_events</comment>
        <translation>បង្កាន់ដៃនេះទទួលស្គាល់ព្រឹត្តិការណ៍ដែលកុំព្យូទ័រនេះមិនដែលបង្កើត។ គ្មានអ្វីផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This {entity} is already withdrawn.</source>
        <comment>record.already_withdrawn</comment>
        <translation>{entity} នេះត្រូវបានដកចេញរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amendment changes nothing.</source>
        <comment>record.amend_changes_nothing</comment>
        <translation>ការកែតម្រូវនេះមិនផ្លាស់ប្តូរអ្វីទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a final record is amended; this {entity} is {status}, edit it directly.</source>
        <comment>record.amend_needs_final</comment>
        <translation>មានតែកំណត់ត្រាស្ថាពរទេដែលត្រូវកែតម្រូវ {entity} នេះ {status} សូមកែវាដោយផ្ទាល់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amending a final record needs a reason (a few words at least).</source>
        <comment>record.amend_needs_reason</comment>
        <translation>ការកែតម្រូវកំណត់ត្រាស្ថាពរត្រូវការមូលហេតុ (យ៉ាងហោចណាស់ពាក្យពីរបី)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator answers must map indicator ids to answers.</source>
        <comment>record.answers_not_a_map</comment>
        <translation>ចម្លើយសូចនាករត្រូវតែភ្ជាប់លេខសម្គាល់សូចនាករទៅនឹងចម្លើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve between 1 and {most} ids at a time.</source>
        <comment>record.block_size</comment>
        <translation>បម្រុងពី ១ ដល់ {most} លេខក្នុងម្ដង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text holds a broken character (a lone UTF-16 surrogate).</source>
        <comment>record.broken_character</comment>
        <translation>អត្ថបទមានតួអក្សរខូច (UTF-16 surrogate តែឯង)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: field names must be ASCII text, got &apos;{key}&apos;.</source>
        <comment>record.field_name_not_ascii</comment>
        <translation>{where}៖ ឈ្មោះវាលត្រូវតែជាអត្ថបទ ASCII បានទទួល &apos;{key}&apos;។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a draft can be finalised; this {entity} is {status}.</source>
        <comment>record.finalise_needs_draft</comment>
        <translation>មានតែសេចក្តីព្រាងទេដែលអាចធ្វើឱ្យស្ថាពរបាន {entity} នេះ {status}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This handover is {status}; it was handed over already.</source>
        <comment>record.handover_already_final</comment>
        <translation>ការប្រគល់នេះ {status} បុគ្គលនេះត្រូវបានប្រគល់រួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a team lead can record the intelligence section.</source>
        <comment>record.intelligence_team_lead_only</comment>
        <translation>មានតែប្រធានក្រុមទេដែលអាចកត់ត្រាផ្នែកព័ត៌មានស៊ើបការណ៍។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: decimal numbers are not allowed in records; store text or integers.</source>
        <comment>record.no_decimals</comment>
        <translation>{where}៖ មិនអនុញ្ញាតលេខទសភាគក្នុងកំណត់ត្រាទេ សូមរក្សាទុកជាអត្ថបទ ឬចំនួនគត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No operation has the id or code {target}.</source>
        <comment>record.no_such_operation</comment>
        <translation>គ្មានប្រតិបត្តិការដែលមានលេខសម្គាល់ ឬលេខកូដ {target} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No person has the id or temporary id {target}.</source>
        <comment>record.no_such_person</comment>
        <translation>គ្មានបុគ្គលដែលមានលេខសម្គាល់ ឬលេខសម្គាល់បណ្តោះអាសន្ន {target} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This {entity} is {status}: it can no longer be edited. Amend it with a reason instead.</source>
        <comment>record.not_editable</comment>
        <translation>{entity} នេះ {status}៖ វាមិនអាចកែបានទៀតទេ។ សូមកែតម្រូវវាដោយមានមូលហេតុ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{temp_id} is not one of the ids reserved for this operation on this laptop; register the person without it and put a new band on them.</source>
        <comment>record.not_reserved</comment>
        <translation>{temp_id} មិនមែនជាលេខដែលបានបម្រុងទុកសម្រាប់ប្រតិបត្តិការនេះនៅលើកុំព្យូទ័រនេះទេ សូមចុះឈ្មោះបុគ្គលនោះដោយគ្មានលេខនេះ ហើយពាក់ខ្សែដៃថ្មីឱ្យគាត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been recorded in this screening yet.</source>
        <comment>record.nothing_recorded</comment>
        <translation>មិនទាន់មានអ្វីត្រូវបានកត់ត្រាក្នុងការពិនិត្យនេះនៅឡើយទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to save.</source>
        <comment>record.nothing_to_save</comment>
        <translation>គ្មានអ្វីត្រូវរក្សាទុកទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation {name} is closed; pick an open operation.</source>
        <comment>record.operation_closed</comment>
        <translation>ប្រតិបត្តិការ {name} ត្រូវបានបិទ សូមជ្រើសរើសប្រតិបត្តិការដែលបើក។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operation needs a name.</source>
        <comment>record.operation_needs_name</comment>
        <translation>ប្រតិបត្តិការត្រូវការឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give at least one name (as in the passport, or in the person&apos;s own script).</source>
        <comment>record.person_needs_name</comment>
        <translation>សូមផ្តល់ឈ្មោះយ៉ាងហោចណាស់មួយ (តាមលិខិតឆ្លងដែន ឬជាអក្សររបស់បុគ្គលនោះផ្ទាល់)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person may already be registered in this operation: {persons}. Open the existing person, or register anyway if they are someone else.</source>
        <comment>record.possible_duplicate</comment>
        <translation>បុគ្គលនេះប្រហែលជាបានចុះបញ្ជីរួចហើយក្នុងប្រតិបត្តិការនេះ៖ {persons}។ សូមបើកបុគ្គលដែលមានស្រាប់ ឬចុះបញ្ជីទោះយ៉ាងណាក៏ដោយ ប្រសិនបើពួកគេជាមនុស្សផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The screening named is not one of this person&apos;s screenings.</source>
        <comment>record.screening_not_this_persons</comment>
        <translation>ការពិនិត្យដែលបានដាក់ឈ្មោះ មិនមែនជាការពិនិត្យរបស់បុគ្គលនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening section {section} must be a set of fields.</source>
        <comment>record.section_not_a_map</comment>
        <translation>ផ្នែកពិនិត្យ {section} ត្រូវតែជាសំណុំវាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{temp_id} is already the id of a person registered here.</source>
        <comment>record.temp_id_used</comment>
        <translation>{temp_id} ជាលេខរបស់បុគ្គលដែលបានចុះឈ្មោះនៅទីនេះរួចហើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no handover with id {handover_id}.</source>
        <comment>record.unknown_handover</comment>
        <translation>គ្មានការប្រគល់ដែលមានលេខសម្គាល់ {handover_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item_id} is not an indicator of this screening&apos;s sets.</source>
        <comment>record.unknown_indicator</comment>
        <translation>{item_id} មិនមែនជាសូចនាករនៃសំណុំរបស់ការពិនិត្យនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no operation with id {operation_id}.</source>
        <comment>record.unknown_operation</comment>
        <translation>គ្មានប្រតិបត្តិការដែលមានលេខសម្គាល់ {operation_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no person with id {person_id}.</source>
        <comment>record.unknown_person</comment>
        <translation>គ្មានបុគ្គលដែលមានលេខសម្គាល់ {person_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no {entity} with id {record_id}.</source>
        <comment>record.unknown_record</comment>
        <translation>គ្មាន {entity} ដែលមានលេខសម្គាល់ {record_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no screening with id {screening_id}.</source>
        <comment>record.unknown_screening</comment>
        <translation>គ្មានការពិនិត្យដែលមានលេខសម្គាល់ {screening_id} ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown screening section(s): {unknown}.</source>
        <comment>record.unknown_section</comment>
        <translation>ផ្នែកពិនិត្យដែលមិនស្គាល់៖ {unknown}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot sort persons by &apos;{sort}&apos;.</source>
        <comment>record.unknown_sort</comment>
        <translation>មិនអាចតម្រៀបបុគ្គលតាម &apos;{sort}&apos; បានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: unsupported value of type {type}.</source>
        <comment>record.unsupported_value</comment>
        <translation>{where}៖ តម្លៃប្រភេទ {type} មិនត្រូវបានគាំទ្រទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawing a record needs a reason.</source>
        <comment>record.withdraw_needs_reason</comment>
        <translation>ការដកកំណត់ត្រាចេញត្រូវការមូលហេតុ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault has no HQ recovery slot (the laptop was never enrolled).</source>
        <comment>recovery.no_slot</comment>
        <translation>ឃ្លាំងទិន្នន័យនេះគ្មានរន្ធសង្គ្រោះរបស់ទីស្នាក់ការកណ្តាលទេ (កុំព្យូទ័រមិនដែលបានចុះឈ្មោះ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery slot belongs to another vault.</source>
        <comment>recovery.other_vault</comment>
        <translation>រន្ធសង្គ្រោះជារបស់ឃ្លាំងទិន្នន័យផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This HQ key does not open the vault&apos;s recovery slot.</source>
        <comment>recovery.wrong_key</comment>
        <translation>កូនសោរបស់ទីស្នាក់ការកណ្តាលនេះមិនបើករន្ធសង្គ្រោះរបស់ឃ្លាំងទិន្នន័យទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{text}&apos; matches several countries ({names}): pick one from the list.</source>
        <comment>reference.ambiguous_country</comment>
        <translation>&apos;{text}&apos; ត្រូវនឹងប្រទេសច្រើន ({names})៖ សូមជ្រើសរើសមួយពីបញ្ជី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{text}&apos; is not a country this app knows: type part of its English or Khmer name, or its three-letter code, and pick it from the list.</source>
        <comment>reference.unknown_country</comment>
        <translation>&apos;{text}&apos; មិនមែនជាប្រទេសដែលកម្មវិធីនេះស្គាល់ទេ៖ សូមវាយផ្នែកមួយនៃឈ្មោះជាភាសាអង់គ្លេស ឬខ្មែរ ឬលេខកូដបីអក្សររបស់វា ហើយជ្រើសរើសវាពីបញ្ជី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{text}&apos; is not a language code this app knows: use ISO 639 codes such as vi, zh, en or km.</source>
        <comment>reference.unknown_language</comment>
        <translation>&apos;{text}&apos; មិនមែនជាលេខកូដភាសាដែលកម្មវិធីនេះស្គាល់ទេ៖ សូមប្រើលេខកូដ ISO 639 ដូចជា vi, zh, en ឬ km។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why (at least {least} characters): the reason is kept with the referral.</source>
        <comment>referral.needs_reason</comment>
        <translation>សូមប្រាប់មូលហេតុ (យ៉ាងហោចណាស់ {least} តួអក្សរ)៖ មូលហេតុត្រូវរក្សាទុកជាមួយការបញ្ជូន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiving officer&apos;s name, role and signature mark are needed to record that they {status} the person.</source>
        <comment>referral.needs_receiver</comment>
        <translation>ត្រូវការឈ្មោះ តួនាទី និងសញ្ញាហត្ថលេខារបស់មន្ត្រីទទួល ដើម្បីកត់ត្រាថាពួកគេ {status} បុគ្គលនោះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This handover is not handed over yet: there is no referral to acknowledge.</source>
        <comment>referral.not_handed_over</comment>
        <translation>ការប្រគល់នេះមិនទាន់បានប្រគល់នៅឡើយ៖ គ្មានការបញ្ជូនដើម្បីបញ្ជាក់ទទួលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This referral is {status} already; it cannot become {wanted} now (it can become: {next}).</source>
        <comment>referral.not_next</comment>
        <translation>ការបញ្ជូននេះ {status} រួចហើយ។ វាមិនអាចក្លាយជា {wanted} ឥឡូវនេះទេ (វាអាចក្លាយជា៖ {next})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{status}&apos; is not a referral status.</source>
        <comment>referral.unknown_status</comment>
        <translation>‘{status}’ មិនមែនជាស្ថានភាពការបញ្ជូនទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A re-key needs every remaining officer to type their passphrase on this laptop; missing: {names}. Disable an officer who cannot come, then re-key.</source>
        <comment>rekey.absent_officers</comment>
        <translation>ការប្តូរសោត្រូវការឱ្យមន្ត្រីដែលនៅសល់ទាំងអស់វាយឃ្លាសម្ងាត់របស់ខ្លួននៅលើកុំព្យូទ័រនេះ៖ ខ្វះ៖ {names}។ សូមផ្អាកមន្ត្រីដែលមិនអាចមកបាន រួចប្តូរសោ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The re-keyed vault could not be read back with its new key.</source>
        <comment>rekey.read_back_failed</comment>
        <translation>ឃ្លាំងទិន្នន័យដែលបានប្តូរកូនសោ មិនអាចអានឡើងវិញដោយកូនសោថ្មីរបស់វាបានទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase typed for {name} is not right.</source>
        <comment>rekey.wrong_for_officer</comment>
        <translation>ឃ្លាសម្ងាត់ដែលបានវាយសម្រាប់ {name} មិនត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled: no PDF was written.</source>
        <comment>report.cancelled</comment>
        <translation>បានបោះបង់៖ គ្មាន PDF ត្រូវបានសរសេរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundled fonts are incomplete (reinstall the app): {fonts}.</source>
        <comment>report.fonts_incomplete</comment>
        <translation>ពុម្ពអក្សរដែលភ្ជាប់មកជាមួយមិនពេញលេញ (សូមដំឡើងកម្មវិធីឡើងវិញ)៖ {fonts}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a handed-over (final) form can be issued; a draft prints with no verification code.</source>
        <comment>report.issue_needs_final</comment>
        <translation>មានតែទម្រង់ដែលបានប្រគល់ (ស្ថាពរ) ទេដែលអាចចេញបាន សេចក្តីព្រាងបោះពុម្ពដោយគ្មានលេខកូដផ្ទៀងផ្ទាត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A non-GUI Qt application is running; PDF rendering needs QGuiApplication.</source>
        <comment>report.needs_gui_application</comment>
        <translation>កម្មវិធី Qt ដែលគ្មាន GUI កំពុងដំណើរការ ការបង្កើត PDF ត្រូវការ QGuiApplication។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one in this operation has been handed over yet: there is no form to print.</source>
        <comment>report.no_final_forms</comment>
        <translation>គ្មាននរណាម្នាក់ក្នុងប្រតិបត្តិការនេះត្រូវបានប្រគល់នៅឡើយទេ៖ គ្មានទម្រង់ត្រូវបោះពុម្ពទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person has no handover yet: draft one first.</source>
        <comment>report.no_handover</comment>
        <translation>បុគ្គលនេះមិនទាន់មានការប្រគល់នៅឡើយទេ៖ សូមព្រាងមួយជាមុនសិន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No one is registered in this operation yet: reserve ids to print bands ahead.</source>
        <comment>report.no_one_registered</comment>
        <translation>មិនទាន់មាននរណាចុះឈ្មោះក្នុងប្រតិបត្តិការនេះនៅឡើយទេ៖ សូមបម្រុងលេខ ដើម្បីបោះពុម្ពខ្សែដៃទុកជាមុន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person has not been screened.</source>
        <comment>report.not_screened</comment>
        <translation>បុគ្គលនេះមិនទាន់ត្រូវបានពិនិត្យទេ។</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No station is set on this laptop: a team lead sets it before scanning wristbands.</source>
        <comment>station.not_set</comment>
        <translation>មិនទាន់កំណត់ស្ថានីយនៅលើកុំព្យូទ័រនេះទេ៖ ប្រធានក្រុមត្រូវកំណត់វាមុនពេលស្កេនខ្សែដៃ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{temp_id} was registered in another operation, not in this one.</source>
        <comment>station.other_operation</comment>
        <translation>{temp_id} ត្រូវបានចុះឈ្មោះក្នុងប្រតិបត្តិការផ្សេង មិនមែនក្នុងប្រតិបត្តិការនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{station} is not a station.</source>
        <comment>station.unknown</comment>
        <translation>{station} មិនមែនជាស្ថានីយទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A vehicle needs its number (1 to {most}).</source>
        <comment>station.vehicle_number</comment>
        <translation>យានយន្តត្រូវការលេខរបស់វា (១ ដល់ {most})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another fieldapp program is saving to the same records and has not finished: this change was not saved. Try again in a moment.</source>
        <comment>store.busy</comment>
        <translation>កម្មវិធី fieldapp មួយទៀតកំពុងរក្សាទុកទៅក្នុងកំណត់ត្រាដដែល ហើយមិនទាន់ចប់ទេ៖ ការផ្លាស់ប្តូរនេះមិនត្រូវបានរក្សាទុកទេ។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Amended since: this is version {version}; the record has been amended to version {latest}. Use the current form.</source>
        <comment>verify.amended_since</comment>
        <translation>បានកែតម្រូវតាំងពីពេលនោះ៖ នេះជាកំណែ {version}; កំណត់ត្រាត្រូវបានកែតម្រូវដល់កំណែ {latest}។ សូមប្រើទម្រង់បច្ចុប្បន្ន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the paper with what the record holds; any difference means a forged form:</source>
        <comment>verify.compare</comment>
        <translation>សូមប្រៀបធៀបក្រដាសជាមួយអ្វីដែលកំណត់ត្រាមាន៖ ភាពខុសគ្នាណាមួយមានន័យថាទម្រង់ត្រូវបានក្លែងបន្លំ៖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The verification code is damaged (it does not decode).</source>
        <comment>verify.damaged_decode</comment>
        <translation>លេខកូដផ្ទៀងផ្ទាត់ខូច (មិនអាចឌិកូដបាន)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The verification code is damaged (wrong field lengths).</source>
        <comment>verify.damaged_lengths</comment>
        <translation>លេខកូដផ្ទៀងផ្ទាត់ខូច (ប្រវែងវាលមិនត្រឹមត្រូវ)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>- {label}: {value}</source>
        <comment>verify.fact</comment>
        <translation>- {label}៖ {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORGED: the code in the file is not valid ({reason}).</source>
        <comment>verify.file_code_invalid</comment>
        <translation>ក្លែងបន្លំ៖ លេខកូដក្នុងឯកសារមិនត្រឹមត្រូវទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is byte for byte one this app issued.</source>
        <comment>verify.file_issued</comment>
        <translation>ឯកសារនេះដូចបេះបិទគ្រប់បៃនឹងឯកសារដែលកម្មវិធីនេះបានចេញ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file carries no fieldapp verification code.</source>
        <comment>verify.file_no_code</comment>
        <translation>ឯកសារនេះគ្មានលេខកូដផ្ទៀងផ្ទាត់ fieldapp ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAILED: this file is not one the app issued: it was changed after it was made (or made elsewhere). Do not rely on it, whatever verification code it carries.</source>
        <comment>verify.file_not_issued</comment>
        <translation>បរាជ័យ៖ ឯកសារនេះមិនមែនជាឯកសារដែលកម្មវិធីបានចេញទេ៖ វាត្រូវបានកែប្រែក្រោយពេលបង្កើត (ឬបង្កើតនៅកន្លែងផ្សេង)។ កុំពឹងលើវា ទោះវាមានលេខកូដផ្ទៀងផ្ទាត់អ្វីក៏ដោយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s own hash could not be checked: no store of issued PDFs is available here.</source>
        <comment>verify.file_unchecked</comment>
        <translation>មិនអាចពិនិត្យហាសរបស់ឯកសារនេះបានទេ៖ គ្មានបញ្ជី PDF ដែលបានចេញនៅទីនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FORGED: this is not version {version} of record {record}: {what}.</source>
        <comment>verify.forged</comment>
        <translation>ក្លែងបន្លំ៖ នេះមិនមែនជាកំណែ {version} នៃកំណត់ត្រា {record} ទេ៖ {what}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code matches version {version} of record {record}, the current one.</source>
        <comment>verify.matches</comment>
        <translation>លេខកូដត្រូវនឹងកំណែ {version} នៃកំណត់ត្រា {record} ដែលជាកំណែបច្ចុប្បន្ន។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record {record} has no issued version {version} (its versions go up to {latest}).</source>
        <comment>verify.no_such_version</comment>
        <translation>កំណត់ត្រា {record} គ្មានកំណែ {version} ដែលបានចេញទេ (កំណែរបស់វាឡើងដល់ {latest})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a fieldapp verification code.</source>
        <comment>verify.not_a_code</comment>
        <translation>នេះមិនមែនជាលេខកូដផ្ទៀងផ្ទាត់ fieldapp ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{character} cannot appear in a typed code.</source>
        <comment>verify.typed_character</comment>
        <translation>{character} មិនអាចមាននៅក្នុងលេខកូដដែលវាយបញ្ចូលទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A typed code looks like HV1-XXXX-XXXX-XXXX-XXXX-XXXX (20 letters and digits).</source>
        <comment>verify.typed_shape</comment>
        <translation>លេខកូដដែលវាយបញ្ចូលមានទម្រង់ HV1-XXXX-XXXX-XXXX-XXXX-XXXX (អក្សរ និងលេខ 20)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No record with this code is known here (not synced yet, or not ours).</source>
        <comment>verify.unknown_code</comment>
        <translation>គ្មានកំណត់ត្រាដែលមានលេខកូដនេះនៅទីនេះទេ (មិនទាន់ធ្វើសមកាលកម្ម ឬមិនមែនរបស់យើង)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No record {record} is known here (not synced yet, or not ours).</source>
        <comment>verify.unknown_record</comment>
        <translation>គ្មានកំណត់ត្រា {record} នៅទីនេះទេ (មិនទាន់ធ្វើសមកាលកម្ម ឬមិនមែនរបស់យើង)។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} does not check out (the last character should be {expected}): a digit was misread or mistyped. Type it again or scan it.</source>
        <comment>wristband.wrong_check</comment>
        <translation>{code} ផ្ទៀងផ្ទាត់មិនត្រូវទេ (តួអក្សរចុងក្រោយគួរតែជា {expected})៖ មានខ្ទង់មួយអានខុស ឬវាយខុស។ សូមវាយម្ដងទៀត ឬស្កេនវា។</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The person&apos;s age was changed after the last save of this screening (scored with {scored}, now {current}): make a change in the screening so it is scored again.</source>
        <comment>review.age_changed</comment>
        <translation>អាយុរបស់បុគ្គលនោះត្រូវបានផ្លាស់ប្តូរ បន្ទាប់ពីការរក្សាទុកចុងក្រោយនៃការពិនិត្យនេះ (បានវាយតម្លៃជាមួយ {scored} ឥឡូវ {current})៖ សូមធ្វើការផ្លាស់ប្តូរមួយក្នុងការពិនិត្យ ដើម្បីឱ្យវាត្រូវបានវាយតម្លៃម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recorded age ({age}) says the person is or may be under 18, but “Person is, or may be, under 18” is answered no. The child rule applies by the age: check the age or the answer.</source>
        <comment>review.child_age_but_answered_adult</comment>
        <translation>អាយុដែលបានកត់ត្រា ({age}) បង្ហាញថាបុគ្គលនោះមានអាយុ ឬប្រហែលជាមានអាយុក្រោម ១៨ ឆ្នាំ ប៉ុន្តែ “បុគ្គលនោះមានអាយុ ឬប្រហែលជាមានអាយុក្រោម ១៨ ឆ្នាំ” ត្រូវបានឆ្លើយថាទេ។ ច្បាប់សម្រាប់កុមារអនុវត្តតាមអាយុ៖ សូមពិនិត្យអាយុ ឬចម្លើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers that contradict each other: {count}. Ask again and correct one of each pair.</source>
        <comment>review.contradictions</comment>
        <translation>ចម្លើយដែលផ្ទុយគ្នា៖ {count}។ សូមសួរម្តងទៀត ហើយកែតម្រូវមួយក្នុងចំណោមគូនីមួយៗ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interview is not marked complete: the outcome rests on the answers given so far.</source>
        <comment>review.incomplete</comment>
        <translation>ការសម្ភាសន៍មិនទាន់បានសម្គាល់ថាបានបញ្ចប់ទេ៖ លទ្ធផលផ្អែកលើចម្លើយដែលបានផ្តល់រហូតមកដល់ពេលនេះ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interpreter may not be independent of the compound or the employer.</source>
        <comment>review.interpreter_dependent</comment>
        <translation>អ្នកបកប្រែប្រហែលជាមិនឯករាជ្យពីបរិវេណ ឬនិយោជកទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“Person is, or may be, under 18” is answered yes, but the recorded age is {age} and not marked as estimated. The child rule decides this outcome: check the age or the answer.</source>
        <comment>review.minor_but_adult_age</comment>
        <translation>“បុគ្គលនោះមានអាយុ ឬប្រហែលជាមានអាយុក្រោម ១៨ ឆ្នាំ” ត្រូវបានឆ្លើយថាបាទ/ចាស ប៉ុន្តែអាយុដែលបានកត់ត្រាគឺ {age} ហើយមិនបានសម្គាល់ថាជាការប៉ាន់ស្មានទេ។ ច្បាប់សម្រាប់កុមារសម្រេចលទ្ធផលនេះ៖ សូមពិនិត្យអាយុ ឬចម្លើយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No age is recorded: whether the person is a child cannot be checked.</source>
        <comment>review.no_age</comment>
        <translation>មិនមានអាយុត្រូវបានកត់ត្រាទេ៖ មិនអាចពិនិត្យបានថាបុគ្គលនោះជាកុមារឬអត់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No consent to the interview is recorded.</source>
        <comment>review.no_consent</comment>
        <translation>មិនមានការយល់ព្រមចំពោះការសម្ភាសន៍ត្រូវបានកត់ត្រាទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An interpreter was needed but none was present.</source>
        <comment>review.no_interpreter</comment>
        <translation>ត្រូវការអ្នកបកប្រែ ប៉ុន្តែគ្មានអ្នកបកប្រែនៅទីនោះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions recorded as not asked: {count} of {total}.</source>
        <comment>review.not_asked</comment>
        <translation>សំណួរដែលបានកត់ត្រាថាមិនបានសួរ៖ {count} នៃ {total}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person did not agree to be interviewed, yet answers are recorded ({count}).</source>
        <comment>review.refused_but_answers</comment>
        <translation>បុគ្គលនោះមិនបានយល់ព្រមឱ្យសម្ភាសន៍ទេ ប៉ុន្តែមានចម្លើយត្រូវបានកត់ត្រា ({count})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions with no answer: {count} of {total}.</source>
        <comment>review.unanswered</comment>
        <translation>សំណួរដែលគ្មានចម្លើយ៖ {count} នៃ {total}។</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cancelled: nothing half-done was kept.</source>
        <comment>work.cancelled</comment>
        <translation>បានបោះបង់៖ គ្មានអ្វីដែលធ្វើពាក់កណ្តាលត្រូវបានរក្សាទុកទេ។</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The respondent texts for {language} cannot be read: {problem}.</source>
        <comment>respondent.file_bad</comment>
        <translation>មិនអាចអានអត្ថបទអ្នកឆ្លើយសម្រាប់ {language} បានទេ៖ {problem}។</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} is not valid JSON (line {line}: {reason}).</source>
        <comment>screening.not_json</comment>
        <translation>{name} មិនមែនជា JSON ត្រឹមត្រូវទេ (បន្ទាត់ {line}៖ {reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a screening document ({reason}).</source>
        <comment>screening.out_of_bounds</comment>
        <translation>{name} មិនមែនជាឯកសារពិនិត្យទេ ({reason})។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The indicator set {set_id} is not enabled: it has no checked source. HQ can send a checked version with the enrolment.</source>
        <comment>screening.set_not_enabled</comment>
        <translation>បញ្ជីសូចនាករ {set_id} មិនត្រូវបានបើកប្រើទេ៖ វាគ្មានប្រភពដែលបានផ្ទៀងផ្ទាត់។ ទីស្នាក់ការកណ្តាលអាចផ្ញើកំណែដែលបានផ្ទៀងផ្ទាត់មកជាមួយឯកសារចុះឈ្មោះ។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This {store} was written by a newer version of fieldapp (it has {unknown}, which this program does not know). Install the newer version; the {store} was not changed.</source>
        <comment>store.too_new</comment>
        <translation>{store} នេះត្រូវបានសរសេរដោយកំណែ fieldapp ថ្មីជាង (វាមាន {unknown} ដែលកម្មវិធីនេះមិនស្គាល់)។ សូមដំឡើងកំណែថ្មីជាង {store} មិនត្រូវបានផ្លាស់ប្តូរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ has not approved this laptop yet.</source>
        <comment>sync.awaiting_approval</comment>
        <translation>ទីស្នាក់ការកណ្តាលមិនទាន់បានអនុម័តកុំព្យូទ័រនេះនៅឡើយទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s address &apos;{url}&apos; is not of the form https://HOST:PORT.</source>
        <comment>sync.bad_url</comment>
        <translation>អាសយដ្ឋានរបស់ទីស្នាក់ការកណ្តាល &apos;{url}&apos; មិនមែនជាទម្រង់ https://HOST:PORT ទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export was cancelled; nothing was recorded as sent.</source>
        <comment>sync.export_cancelled</comment>
        <translation>ការនាំចេញត្រូវបានបោះបង់ គ្មានអ្វីត្រូវបានកត់ត្រាថាបានផ្ញើទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ refused: {reason}</source>
        <comment>sync.hq_refused</comment>
        <translation>ទីស្នាក់ការកណ្តាលបានបដិសេធ៖ {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An issued PDF no longer matches its recorded hash; run `fieldapp check`.</source>
        <comment>sync.issued_pdf_changed</comment>
        <translation>PDF ដែលបានចេញមួយលែងត្រូវនឹងតម្លៃ hash ដែលបានកត់ត្រាទៀតហើយ សូមដំណើរការ `fieldapp check`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop&apos;s enrolment has no HQ network address or certificate pin; use a USB stick, or enrol again with a file from `fieldapp hq enrol --url https://HOST:PORT`.</source>
        <comment>sync.no_network_enrolment</comment>
        <translation>ការចុះឈ្មោះរបស់កុំព្យូទ័រនេះគ្មានអាសយដ្ឋានបណ្តាញ ឬ pin វិញ្ញាបនបត្ររបស់ទីស្នាក់ការកណ្តាលទេ សូមប្រើឧបករណ៍ USB ឬចុះឈ្មោះម្តងទៀតដោយឯកសារពី `fieldapp hq enrol --url https://HOST:PORT`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dest} is not a folder (is the stick plugged in?).</source>
        <comment>sync.not_a_folder</comment>
        <translation>{dest} មិនមែនជាថតទេ (តើឧបករណ៍ USB ត្រូវបានដោតឬនៅ?)។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop is not enrolled with HQ yet: load HQ&apos;s enrolment file with `fieldapp enrol`.</source>
        <comment>sync.not_enrolled</comment>
        <translation>កុំព្យូទ័រនេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្តាលនៅឡើយទេ៖ សូមផ្ទុកឯកសារចុះឈ្មោះរបស់ទីស្នាក់ការកណ្តាលដោយ `fieldapp enrol`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stored photo does not match the size recorded when it was taken; run `fieldapp check`.</source>
        <comment>sync.photo_size_differs</comment>
        <translation>រូបថតដែលបានរក្សាទុកមិនត្រូវនឹងទំហំដែលបានកត់ត្រាពេលថតទេ សូមដំណើរការ `fieldapp check`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server at {host}:{port} is not this laptop&apos;s HQ (its certificate does not match the pin in the enrolment file). Nothing was sent. Check the network; someone may be intercepting it.</source>
        <comment>sync.pin_mismatch</comment>
        <translation>ម៉ាស៊ីនមេនៅ {host}:{port} មិនមែនជាទីស្នាក់ការកណ្តាលរបស់កុំព្យូទ័រនេះទេ (វិញ្ញាបនបត្ររបស់វាមិនត្រូវនឹង pin ក្នុងឯកសារចុះឈ្មោះទេ)។ គ្មានអ្វីត្រូវបានផ្ញើទេ។ សូមពិនិត្យបណ្តាញ អាចមាននរណាម្នាក់កំពុងស្ទាក់ចាប់វា។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending was cancelled; the next push continues where this one stopped.</source>
        <comment>sync.push_cancelled</comment>
        <translation>ការផ្ញើត្រូវបានបោះបង់ ការផ្ញើលើកក្រោយនឹងបន្តពីកន្លែងដែលវាបានឈប់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending was cancelled before the bundle was ready.</source>
        <comment>sync.push_cancelled_early</comment>
        <translation>ការផ្ញើត្រូវបានបោះបង់ មុនពេលកញ្ចប់ទិន្នន័យរួចរាល់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle read back from the stick differs from what was written: the stick is faulty. Nothing was recorded as sent; use another stick.</source>
        <comment>sync.read_back_differs</comment>
        <translation>កញ្ចប់ទិន្នន័យដែលបានអានឡើងវិញពីឧបករណ៍ USB ខុសពីអ្វីដែលបានសរសេរ៖ ឧបករណ៍ USB មានបញ្ហា។ គ្មានអ្វីត្រូវបានកត់ត្រាថាបានផ្ញើទេ សូមប្រើឧបករណ៍ USB ផ្សេង។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dest} has {free} MB free but this bundle needs about {needed} MB. Use a bigger stick; nothing was written.</source>
        <comment>sync.stick_too_small</comment>
        <translation>{dest} មានទំហំទំនេរ {free} MB ប៉ុន្តែកញ្ចប់ទិន្នន័យនេះត្រូវការប្រហែល {needed} MB។ សូមប្រើឧបករណ៍ USB ធំជាងនេះ គ្មានអ្វីត្រូវបានសរសេរទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not reach HQ after {attempts} attempts ({reason}). The bundle is kept; push again later.</source>
        <comment>sync.unreachable</comment>
        <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្តាលបានទេ ក្រោយការព្យាយាម {attempts} ដង ({reason})។ កញ្ចប់ទិន្នន័យត្រូវបានរក្សាទុក សូមផ្ញើម្តងទៀតនៅពេលក្រោយ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong passphrases. Wait {seconds} seconds before trying again.</source>
        <comment>unlock.backoff</comment>
        <translation>វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក។ សូមរង់ចាំ {seconds} វិនាទី មុននឹងព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault file cannot be opened: {reason}.</source>
        <comment>vault.cannot_open</comment>
        <translation>មិនអាចបើកឯកសារឃ្លាំងទិន្នន័យបានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault file is damaged or does not belong to this key-slot file ({reason}). Restore it from a backup or ask HQ.</source>
        <comment>vault.damaged_or_foreign</comment>
        <translation>ឯកសារឃ្លាំងទិន្នន័យត្រូវបានខូច ឬមិនមែនជារបស់ឯកសាររន្ធកូនសោនេះទេ ({reason})។ សូមស្តារវាពីច្បាប់បម្រុងទុក ឬសួរទីស្នាក់ការកណ្តាល។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A vault already exists in {folder}; use another --data-dir for a new one.</source>
        <comment>vault.exists</comment>
        <translation>មានឃ្លាំងទិន្នន័យនៅក្នុង {folder} រួចហើយ សូមប្រើ --data-dir ផ្សេងសម្រាប់ឃ្លាំងទិន្នន័យថ្មី។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vault file does not belong to this key-slot file.</source>
        <comment>vault.foreign_keyslots</comment>
        <translation>ឯកសារឃ្លាំងទិន្នន័យមិនមែនជារបស់ឯកសាររន្ធកូនសោនេះទេ។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no vault in {folder}. Create one with `fieldapp init`.</source>
        <comment>vault.not_found</comment>
        <translation>គ្មានឃ្លាំងទិន្នន័យនៅក្នុង {folder} ទេ។ សូមបង្កើតមួយដោយ `fieldapp init`។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This vault was written by a newer version of fieldapp (schema {current}; this program knows up to {steps}). Install the newer version; the vault was not changed.</source>
        <comment>vault.too_new</comment>
        <translation>ឃ្លាំងទិន្នន័យនេះត្រូវបានសរសេរដោយកំណែ fieldapp ថ្មីជាង (គ្រោងការណ៍ {current} កម្មវិធីនេះស្គាល់ត្រឹម {steps})។ សូមដំឡើងកំណែថ្មីជាង ឃ្លាំងទិន្នន័យមិនត្រូវបានផ្លាស់ប្តូរទេ។</translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <location line="+64"/>
        <source>birth years one year apart</source>
        <translation>ឆ្នាំកំណើតឃ្លាតគ្នាមួយឆ្នាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth years three to five years apart</source>
        <translation>ឆ្នាំកំណើតឃ្លាតគ្នាបីទៅប្រាំឆ្នាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth years two years apart</source>
        <translation>ឆ្នាំកំណើតឃ្លាតគ្នាពីរឆ្នាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>born less than a year apart</source>
        <translation>កើតឃ្លាតគ្នាតិចជាងមួយឆ្នាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of birth and age agree</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត និងអាយុស្របគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different birth year</source>
        <translation>ឆ្នាំកំណើតខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different document numbers</source>
        <translation>លេខឯកសារខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different names</source>
        <translation>ឈ្មោះខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different nationality</source>
        <translation>សញ្ជាតិខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different photos</source>
        <translation>រូបខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different sex</source>
        <translation>ភេទខុសគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document numbers one character apart</source>
        <translation>លេខឯកសារខុសគ្នាមួយតួអក្សរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hardly matters</source>
        <translation>ស្ទើរតែគ្មានឥទ្ធិពល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate against</source>
        <translation>ប្រឆាំងកម្រិតមធ្យម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate for</source>
        <translation>គាំទ្រកម្រិតមធ្យម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name common in this nationality</source>
        <translation>ឈ្មោះទូទៅក្នុងសញ្ជាតិនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name rare in this nationality</source>
        <translation>ឈ្មោះកម្រក្នុងសញ្ជាតិនេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names alike in Latin letters, written differently in their own script</source>
        <translation>ឈ្មោះស្រដៀងគ្នាជាអក្សរឡាតាំង តែសរសេរខុសគ្នាជាអក្សរផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names sound alike (same consonants)</source>
        <translation>ឈ្មោះស្តាប់ទៅដូចគ្នា (ព្យញ្ជនៈដូចគ្នា)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operations more than a month apart</source>
        <translation>ប្រតិបត្តិការឃ្លាតគ្នាលើសពីមួយខែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operations on the same day</source>
        <translation>ប្រតិបត្តិការនៅថ្ងៃតែមួយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operations within a month</source>
        <translation>ប្រតិបត្តិការក្នុងរយៈពេលមួយខែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same date of birth</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើតដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same document number</source>
        <translation>លេខឯកសារដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name</source>
        <translation>ឈ្មោះដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name with letters swapped or run together</source>
        <translation>ឈ្មោះដូចគ្នា ដែលអក្សរប្តូរទីតាំង ឬសរសេរជាប់គ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name, also in their own script</source>
        <translation>ឈ្មោះដូចគ្នា ទាំងជាអក្សរផ្ទាល់ខ្លួនផងដែរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same nationality</source>
        <translation>សញ្ជាតិដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same operation</source>
        <translation>ប្រតិបត្តិការដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same photo</source>
        <translation>រូបដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same sex</source>
        <translation>ភេទដូចគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar names</source>
        <translation>ឈ្មោះស្រដៀងគ្នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong against</source>
        <translation>ប្រឆាំងខ្លាំង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong for</source>
        <translation>គាំទ្រខ្លាំង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak against</source>
        <translation>ប្រឆាំងខ្សោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak for</source>
        <translation>គាំទ្រខ្សោយ</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location line="+1"/>
        <source>age</source>
        <translation>អាយុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age uncertain</source>
        <translation>អាយុមិនច្បាស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agency</source>
        <translation>ស្ថាប័ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aliases</source>
        <translation>ឈ្មោះផ្សេងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already interviewed by</source>
        <translation>បានសម្ភាសរួចដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answers</source>
        <translation>ចម្លើយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arrived</source>
        <translation>ថ្ងៃមកដល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>children inside</source>
        <translation>កុមារនៅខាងក្នុង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>city</source>
        <translation>ទីក្រុង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code</source>
        <translation>លេខកូដ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed</source>
        <translation>បានបញ្ចប់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compound</source>
        <translation>បរិវេណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compounds</source>
        <translation>បរិវេណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent override reason</source>
        <translation>ហេតុផលនៃការប្រគល់ដោយគ្មានការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent referral</source>
        <translation>យល់ព្រមចំពោះការបញ្ជូន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent sharing</source>
        <translation>យល់ព្រមចំពោះការចែករំលែក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consents to interview</source>
        <translation>យល់ព្រមឱ្យសម្ភាស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>country</source>
        <translation>ប្រទេស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current operation</source>
        <translation>ប្រតិបត្តិការបច្ចុប្បន្ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date time</source>
        <translation>កាលបរិច្ឆេទ និងម៉ោង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decided by</source>
        <translation>សម្រេចដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>បានបដិសេធ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>ការពិពណ៌នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disability</source>
        <translation>ពិការភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>district</source>
        <translation>ស្រុក/ខណ្ឌ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dob</source>
        <translation>ថ្ងៃខែឆ្នាំកំណើត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document no</source>
        <translation>លេខឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document status</source>
        <translation>ស្ថានភាពឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document type</source>
        <translation>ប្រភេទឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry point</source>
        <translation>ច្រកចូល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence</source>
        <translation>ភស្តុតាង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fees or debt</source>
        <translation>ថ្លៃសេវា ឬបំណុល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fines</source>
        <translation>ការពិន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>formal status</source>
        <translation>ស្ថានភាពផ្លូវការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gps</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guardian</source>
        <translation>អាណាព្យាបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guardian assent</source>
        <translation>ការព្រមព្រៀងរបស់អាណាព្យាបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>health notes</source>
        <translation>កំណត់ចំណាំសុខភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours per day</source>
        <translation>ម៉ោងក្នុងមួយថ្ងៃ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how left</source>
        <translation>របៀបចាកចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>how transferred</source>
        <translation>របៀបផ្ទេរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle lock minutes</source>
        <translation>នាទីមុនចាក់សោពេលទំនេរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>immediate needs</source>
        <translation>តម្រូវការភ្លាមៗ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>injuries</source>
        <translation>របួស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter agency</source>
        <translation>ស្ថាប័នអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter independent</source>
        <translation>អ្នកបកប្រែឯករាជ្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter language</source>
        <translation>ភាសាអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter language pair</source>
        <translation>គូភាសាអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter name</source>
        <translation>ឈ្មោះអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter needed</source>
        <translation>ត្រូវការអ្នកបកប្រែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interpreter present</source>
        <translation>អ្នកបកប្រែមានវត្តមាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interview language</source>
        <translation>ភាសាសម្ភាស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>items</source>
        <translation>ទ្រព្យសម្បត្តិ និងឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>languages</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lead agency</source>
        <translation>ស្ថាប័នដឹកនាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left</source>
        <translation>ថ្ងៃចាកចេញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>ទីតាំង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medication</source>
        <translation>ថ្នាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method</source>
        <translation>វិធីសាស្ត្រ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name or description</source>
        <translation>ឈ្មោះ ឬការពិពណ៌នា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name own script</source>
        <translation>ឈ្មោះជាអក្សរម្ចាស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nationality</source>
        <translation>សញ្ជាតិ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>កំណត់ចំណាំ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>officer outcome</source>
        <translation>លទ្ធផលរបស់មន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>officers</source>
        <translation>មន្ត្រី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>others inside</source>
        <translation>អ្នកផ្សេងនៅខាងក្នុង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>others nationalities</source>
        <translation>សញ្ជាតិរបស់អ្នកផ្សេង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>others present</source>
        <translation>អ្នកផ្សេងដែលមានវត្តមាន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pay received</source>
        <translation>ប្រាក់ឈ្នួលដែលបានទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>perpetrators</source>
        <translation>ជនល្មើស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo document</source>
        <translation>រូបថតឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo injury</source>
        <translation>រូបថតរបួស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo portrait</source>
        <translation>រូបថតបុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo scene</source>
        <translation>រូបថតទីកន្លែង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <translation>ទីកន្លែង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>platform</source>
        <translation>វេទិកា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portrait sha256</source>
        <translation>SHA-256 នៃរូបថតបុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preferred</source>
        <translation>ភាសាដែលចូលចិត្ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pregnant</source>
        <translation>មានផ្ទៃពោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price or debt</source>
        <translation>តម្លៃ ឬបំណុល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>ម៉ាស៊ីនបោះពុម្ព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private setting</source>
        <translation>កន្លែងឯកជន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promised employer</source>
        <translation>និយោជកដែលបានសន្យា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promised job</source>
        <translation>ការងារដែលបានសន្យា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promised location</source>
        <translation>ទីតាំងដែលបានសន្យា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promised salary</source>
        <translation>ប្រាក់ខែដែលបានសន្យា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>province</source>
        <translation>ខេត្ត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>psychosocial distress</source>
        <translation>ទុក្ខព្រួយផ្លូវចិត្តសង្គម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quota</source>
        <translation>កូតា</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reasons</source>
        <translation>មូលហេតុ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving body id</source>
        <translation>លេខសម្គាល់ស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving country</source>
        <translation>ប្រទេសទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving name</source>
        <translation>ឈ្មោះស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving name km</source>
        <translation>ឈ្មោះស្ថាប័នទទួលជាភាសាខ្មែរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving officer</source>
        <translation>មន្ត្រីទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving position</source>
        <translation>តួនាទីមន្ត្រីទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving type</source>
        <translation>ប្រភេទស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving unmapped</source>
        <translation>ស្ថាប័នទទួលមិនទាន់ផ្គូផ្គង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recruiter relationship</source>
        <translation>ទំនាក់ទំនងជាមួយអ្នកជ្រើសរើស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rest days per month</source>
        <translation>ថ្ងៃសម្រាកក្នុងមួយខែ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retention days</source>
        <translation>ថ្ងៃរក្សាទុក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrafficking risk</source>
        <translation>ហានិភ័យនៃការជួញដូរមនុស្សម្តងទៀត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role</source>
        <translation>តួនាទី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role in compound</source>
        <translation>តួនាទីក្នុងបរិវេណ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>route</source>
        <translation>ផ្លូវធ្វើដំណើរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety notes</source>
        <translation>កំណត់ចំណាំសុវត្ថិភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety risk</source>
        <translation>ហានិភ័យសុវត្ថិភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screened at</source>
        <translation>ពិនិត្យនៅ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screening id</source>
        <translation>លេខសម្គាល់ការពិនិត្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>script language</source>
        <translation>ភាសានៃអត្ថបទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>setting</source>
        <translation>ប្រភេទទីកន្លែង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sex</source>
        <translation>ភេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share embassy</source>
        <translation>ចែករំលែកជាមួយស្ថានទូត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share mosvy</source>
        <translation>ចែករំលែកជាមួយក្រសួងសង្គមកិច្ច</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share ngo iom</source>
        <translation>ចែករំលែកជាមួយអង្គការ ឬ IOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share police</source>
        <translation>ចែករំលែកជាមួយនគរបាល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed by</source>
        <translation>ចុះហត្ថលេខាដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team</source>
        <translation>ក្រុម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temp id</source>
        <translation>លេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told can request data</source>
        <translation>បានប្រាប់ថាអាចស្នើសុំទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told how to withdraw</source>
        <translation>បានប្រាប់ពីរបៀបដកការយល់ព្រម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told purpose</source>
        <translation>បានប្រាប់ពីគោលបំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told research use</source>
        <translation>បានប្រាប់ពីការប្រើសម្រាប់ស្រាវជ្រាវ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told storage period</source>
        <translation>បានប្រាប់ពីរយៈពេលរក្សាទុក</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>told uses of data</source>
        <translation>បានប្រាប់ពីការប្រើប្រាស់ទិន្នន័យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferring agency</source>
        <translation>ស្ថាប័នប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferring id no</source>
        <translation>លេខអត្តសញ្ញាណមន្ត្រីប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferring officer</source>
        <translation>មន្ត្រីប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferring phone</source>
        <translation>ទូរស័ព្ទមន្ត្រីប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferring position</source>
        <translation>តួនាទីមន្ត្រីប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transit countries</source>
        <translation>ប្រទេសឆ្លងកាត់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>travel paid by</source>
        <translation>ថ្លៃធ្វើដំណើរបង់ដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent medical</source>
        <translation>វេជ្ជសាស្ត្របន្ទាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent needs</source>
        <translation>តម្រូវការបន្ទាន់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visa type</source>
        <translation>ប្រភេទទិដ្ឋាការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wishes</source>
        <translation>បំណង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness</source>
        <translation>សាក្សី</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work type</source>
        <translation>ប្រភេទការងារ</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <location line="+1"/>
        <source>the count of wrong passphrases</source>
        <translation>ចំនួនឃ្លាសម្ងាត់ខុស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the key-slot file</source>
        <translation>ឯកសាររន្ធសោ</translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <location line="+1"/>
        <source>the name of the receiving body</source>
        <translation>ឈ្មោះស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the place of the handover</source>
        <translation>ទីកន្លែងប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the receiving officer</source>
        <translation>មន្ត្រីទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the transferring agency and officer</source>
        <translation>ស្ថាប័ន និងមន្ត្រីប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the type of receiving body</source>
        <translation>ប្រភេទស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>whether the person consents to the referral (yes or no)</source>
        <translation>ថាតើបុគ្គលនោះយល់ព្រមចំពោះការបញ្ជូនឬទេ (បាទ/ចាស ឬ ទេ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>which country&apos;s embassy or consulate receives the person</source>
        <translation>ស្ថានទូត ឬកុងស៊ុលនៃប្រទេសណាដែលទទួលបុគ្គលនោះ</translation>
    </message>
</context>
<context>
    <name>link</name>
    <message>
        <location line="+1"/>
        <source>an officer saw it</source>
        <translation>មន្ត្រីបានឃើញ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>both said so</source>
        <translation>អ្នកទាំងពីរនិយាយដូច្នេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>child of</source>
        <translation>កូនរបស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of them said so</source>
        <translation>ម្នាក់ក្នុងចំណោមពួកគេនិយាយដូច្នេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parent of</source>
        <translation>ឪពុកម្ដាយរបស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partner of</source>
        <translation>ដៃគូរបស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relative of</source>
        <translation>សាច់ញាតិរបស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sibling of</source>
        <translation>បងប្អូនរបស់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>their documents show it</source>
        <translation>ឯកសាររបស់ពួកគេបង្ហាញដូច្នេះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>travelled with</source>
        <translation>ធ្វើដំណើរជាមួយ</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <location filename="../../ui/screens/photo_work.py" line="+96"/>
        <source>Imported {imported} of {total} photos.</source>
        <translation>បាននាំចូលរូបថត {imported} ក្នុងចំណោម {total} សន្លឹក។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled: {count} photos were not imported.</source>
        <translation>បានបោះបង់៖ រូបថត {count} សន្លឹកមិនត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skipped {name}: {reason}</source>
        <translation>បានរំលង {name}៖ {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped {count} photos ({names}): {reason}</source>
        <translation>បានរំលងរូបថត {count} សន្លឹក ({names})៖ {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>…and {count} more reasons (see the details).</source>
        <translation>…និងមូលហេតុ {count} ទៀត (សូមមើលព័ត៌មានលម្អិត)។</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_options.py" line="-125"/>
        <source>Portrait</source>
        <translation>រូបមុខ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injury</source>
        <translation>របួស</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scene</source>
        <translation>កន្លែងកើតហេតុ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Consent given</source>
        <translation>បានយល់ព្រម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No consent</source>
        <translation>មិនបានយល់ព្រម</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="-38"/>
        <source>{kind}, evidence</source>
        <translation>{kind} ភស្តុតាង</translation>
    </message>
    <message>
        <location filename="../../fieldapp/errors.py" line="+1"/>
        <source>The photo</source>
        <translation>រូបថត</translation>
    </message>
</context>
<context>
    <name>prefill</name>
    <message>
        <location line="+1"/>
        <source>the intake</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the officer signed in</source>
        <translation>មន្ត្រីដែលបានចូល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the operation</source>
        <translation>ប្រតិបត្តិការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the screening</source>
        <translation>ការពិនិត្យ</translation>
    </message>
</context>
<context>
    <name>prefilled</name>
    <message>
        <location filename="../../ui/widgets/prefilled.py" line="+18"/>
        <source>Filled in from {source}: check it with the person, and change it if it is wrong.</source>
        <translation>បានបំពេញពី{source}៖ សូមផ្ទៀងផ្ទាត់វាជាមួយសាមីខ្លួន ហើយកែវាប្រសិនបើខុស។</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/print_process.py" line="+57"/>
        <source>The stored PDF could not be read for printing.</source>
        <translation>មិនអាចអាន PDF ដែលបានរក្សាទុក ដើម្បីបោះពុម្ពបានទេ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer could not be started. Check that it is on and connected.</source>
        <translation>មិនអាចចាប់ផ្តើមម៉ាស៊ីនបោះពុម្ពបានទេ។ សូមពិនិត្យថាវាបើក និងបានភ្ជាប់។</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printing process stopped unexpectedly; nothing more was sent to the printer. Try printing again.</source>
        <translation>ដំណើរការបោះពុម្ពបានឈប់ដោយមិនបានរំពឹងទុក៖ គ្មានអ្វីទៀតត្រូវបានផ្ញើទៅម៉ាស៊ីនបោះពុម្ពទេ។ សូមព្យាយាមបោះពុម្ពម្តងទៀត។</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing was cancelled; the printer was told to drop the job.</source>
        <translation>ការបោះពុម្ពត្រូវបានបោះបង់ ម៉ាស៊ីនបោះពុម្ពត្រូវបានប្រាប់ឱ្យបោះបង់ការងារនេះ។</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>page {page} of {pages}</source>
        <translation>ទំព័រ {page} ក្នុងចំណោម {pages}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing.py" line="+136"/>
        <source>Cannot write {path}: {reason}.</source>
        <translation>មិនអាចសរសេរ {path} បានទេ៖ {reason}។</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The PDF file will NOT be encrypted. It holds personal data of a person at risk: anyone who gets the file or the disk can read it. The copy kept in the vault stays the reference for verification. Save it only on an encrypted disk or USB stick, keep it only as long as needed, and delete it once printed.</source>
        <translation>ឯកសារ PDF នឹងមិនត្រូវបានអ៊ិនគ្រីបទេ។ វាមានទិន្នន័យផ្ទាល់ខ្លួនរបស់បុគ្គលដែលប្រឈមហានិភ័យ៖ អ្នកណាក៏ដោយដែលទទួលបានឯកសារ ឬថាសនេះ អាចអានវាបាន។ ច្បាប់ចម្លងដែលរក្សាទុកក្នុងឃ្លាំងទិន្នន័យ នៅតែជាឯកសារយោងសម្រាប់ការផ្ទៀងផ្ទាត់។ សូមរក្សាទុកវាតែលើថាស ឬ USB ដែលបានអ៊ិនគ្រីបប៉ុណ្ណោះ រក្សាទុកតែរយៈពេលដែលចាំបាច់ ហើយលុបវាចោលភ្លាមៗបន្ទាប់ពីបោះពុម្ព។</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save an unencrypted copy?</source>
        <translation>រក្សាទុកច្បាប់ចម្លងដែលមិនបានអ៊ិនគ្រីបឬ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>for example: court hearing, NGO referral</source>
        <translation>ឧទាហរណ៍៖ សវនាការតុលាការ ការបញ្ជូនទៅអង្គការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose of this copy (recorded with the names it holds):</source>
        <translation>គោលបំណងនៃច្បាប់ចម្លងនេះ (កត់ត្រាជាមួយឈ្មោះដែលវាមាន)៖ (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save unencrypted copy</source>
        <translation>រក្សាទុកច្បាប់ចម្លងមិនអ៊ិនគ្រីប</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save as PDF</source>
        <translation>រក្សាទុកជា PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{title} is ready: {pages} pages.</source>
        <translation>{title} រួចរាល់ហើយ៖ {pages} ទំព័រ។</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Pre&amp;view…</source>
        <translation>មើលជាមុន… (&amp;V)</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+29"/>
        <source>Save as &amp;PDF…</source>
        <translation>រក្សាទុកជា PDF… (&amp;P)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>No printer is set up on this computer, so the form cannot be printed from here. Save it as a PDF (on an encrypted USB stick) and print it from a computer that has a printer, or look at it in the preview.</source>
        <translation>កុំព្យូទ័រនេះមិនទាន់មានម៉ាស៊ីនបោះពុម្ពទេ ដូច្នេះមិនអាចបោះពុម្ពទម្រង់ពីទីនេះបានទេ។ សូមរក្សាទុកវាជា PDF (នៅលើ USB ដែលបានអ៊ិនគ្រីប) ហើយបោះពុម្ពវាពីកុំព្យូទ័រដែលមានម៉ាស៊ីនបោះពុម្ព ឬមើលវាជាមុន។</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No printer</source>
        <translation>គ្មានម៉ាស៊ីនបោះពុម្ព</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Printing {title}</source>
        <translation>កំពុងបោះពុម្ព {title}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pdf_jobs.py" line="+58"/>
        <source>Handover form {reference}, version {version}</source>
        <translation>ទម្រង់ប្រគល់ {reference} កំណែ {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DRAFT handover form {reference}</source>
        <translation>សេចក្តីព្រាងទម្រង់ប្រគល់ {reference}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wristbands: {operation}</source>
        <translation>ខ្សែដៃ៖ ប្រតិបត្តិការ {operation}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody lost: {operation}</source>
        <translation>គ្មាននរណាបាត់ខ្លួន៖ ប្រតិបត្តិការ {operation}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification to {mission}</source>
        <translation>ការជូនដំណឹងទៅ {mission}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>gathering {temp_id}</source>
        <translation>កំពុងប្រមូល {temp_id}</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Manifest by receiving body: {operation}</source>
        <translation>បញ្ជីឈ្មោះតាមស្ថាប័នទទួល៖ ប្រតិបត្តិការ {operation}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Manifest: {operation}</source>
        <translation>បញ្ជីឈ្មោះ៖ ប្រតិបត្តិការ {operation}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All handover forms: {operation}</source>
        <translation>ទម្រង់ប្រគល់ទាំងអស់៖ ប្រតិបត្តិការ {operation}</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../fieldapp/errors.py" line="+1"/>
        <source>draft</source>
        <translation>ជាសេចក្តីព្រាង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>ស្ថាពរ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover</source>
        <translation>ការប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation</source>
        <translation>ប្រតិបត្តិការ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person</source>
        <translation>បុគ្គល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo</source>
        <translation>រូបថត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purged</source>
        <translation>បានលុបចោល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screening</source>
        <translation>ការពិនិត្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>បានដកចេញ</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location line="+1"/>
        <source>admin</source>
        <translation>អ្នកគ្រប់គ្រង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screener</source>
        <translation>អ្នកពិនិត្យ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team lead</source>
        <translation>ប្រធានក្រុម</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team_lead</source>
        <translation>ប្រធានក្រុម</translation>
    </message>
</context>
<context>
    <name>station</name>
    <message>
        <location line="+1"/>
        <source>Handover</source>
        <translation>ការប្រគល់</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake</source>
        <translation>ការចុះឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview</source>
        <translation>ការសម្ភាសន៍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical care</source>
        <translation>ការថែទាំសុខភាព</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>យានយន្ត</translation>
    </message>
</context>
<context>
    <name>stores</name>
    <message>
        <location line="+1"/>
        <source>HQ store</source>
        <translation>ឃ្លាំងទិន្នន័យរបស់ទីស្នាក់ការកណ្តាល</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over by</source>
        <translation>ប្រគល់ដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in own script</source>
        <translation>ឈ្មោះជាអក្សរផ្ទាល់ខ្លួន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>រូបថត</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by</source>
        <translation>ទទួលដោយ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving body</source>
        <translation>ស្ថាប័នទទួល</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference number</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary id</source>
        <translation>លេខសម្គាល់បណ្តោះអាសន្ន</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a portrait is on the form: compare the face</source>
        <translation>មានរូបថតមុខនៅលើទម្រង់៖ សូមប្រៀបធៀបមុខ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its content does not match</source>
        <translation>ខ្លឹមសាររបស់វាមិនត្រូវគ្នាទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its device signature is not valid</source>
        <translation>ហត្ថលេខាឧបករណ៍របស់វាមិនត្រឹមត្រូវទេ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no portrait</source>
        <translation>គ្មានរូបថតមុខ</translation>
    </message>
</context>
</TS>
