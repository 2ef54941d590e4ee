// Invented statement text for the samples, composed from sentence banks to a chosen length.
import { countWords } from './values';

const APPLICANT = [
  'I have taught mathematics at {school} for {years} years and I currently lead our Key Stage 3 curriculum, which has given me a clear view of how pupils’ understanding develops from Year 7 onwards.',
  'I hold Qualified Teacher Status and my lessons have consistently been judged good or better in internal observations and in our most recent Ofsted inspection.',
  'Over the last two years I have taken part in the {hub} Work Group on teaching for mastery, which changed the way I plan sequences of lessons.',
  'In particular I have learnt to break new ideas into small, connected steps and to use carefully chosen representations such as bar models and double number lines.',
  'I now plan with colleagues in shared sessions each fortnight, and we use a common set of lesson designs for Year 7 that the whole department has helped to refine.',
  'Working with others is the part of my role that I enjoy most, and I regularly open my classroom to colleagues who want to see an approach before trying it.',
  'Last year I led three department training sessions on variation and intelligent practice, and I followed each one with paired observations and feedback.',
  'I have also supported two early career teachers through their first year, and both now plan their lessons around the same principles of coherence and fluency.',
  'Beyond our own school I have worked with the maths leads of our two partner primary schools to smooth the transition of pupils from Year 6 into Year 7.',
  'This work has shown me how powerful it is when teachers in different phases share a common language for talking about mathematics.',
  'I am passionate about teaching for mastery because I have seen pupils who previously believed they could not do mathematics explain their reasoning with confidence.',
  'I believe that every pupil can achieve in mathematics when teaching is carefully sequenced and when misconceptions are addressed as they arise.',
  'I would like to join the programme to deepen my own subject knowledge, particularly around progression in algebra and proportional reasoning.',
  'I also want to develop the skills needed to lead professional development well, so that changes in our department are sustained rather than dependent on one person.',
  'Becoming a Mastery Specialist would allow me to contribute to the wider work of the hub and to support teachers in other schools in the third year of the programme.',
  'My head teacher and head of department are fully supportive and have already agreed to protect the release time that the programme requires.',
  'I am an organised and reflective practitioner, and I keep a journal of lesson study cycles that I share with colleagues at department meetings.',
  'Our department has recently adopted a textbook series designed for mastery at Key Stage 3, and I coordinated the training that accompanied its introduction.',
  'I have presented at a hub conference on the use of the bar model with lower attaining pupils, and I received very positive feedback from delegates.',
  'In my current role I analyse assessment information each term and use it to plan interventions that keep the class working together on the same content.',
  'I would bring energy, openness and a strong commitment to collaborative professional development to the programme.',
  'I am confident that I can combine the demands of the programme with my teaching commitments and my responsibilities within the department.',
];

const HEADTEACHER = [
  'As head teacher of {school} I am delighted to nominate {first} for the Secondary Mastery Specialist programme.',
  'Improving the quality of mathematics teaching is a key priority in our school development plan, and teaching for mastery sits at the heart of that plan.',
  'Over the past two years the department has begun to move away from rapid coverage of content towards a more coherent, carefully sequenced curriculum.',
  'We have invested in shared planning time and in a new textbook series, and we have seen early improvements in outcomes at the end of Key Stage 3.',
  'The senior leadership team is committed to developing teaching for mastery across the whole maths department and not only in individual classrooms.',
  '{first} is an outstanding classroom practitioner whose lessons are consistently judged to be good or outstanding.',
  'Colleagues seek out {first} for advice, and {first} has already led highly regarded training sessions for the department.',
  '{first} works extremely well with others, is reflective about practice and has the credibility to lead change across the team.',
  'We also value the way {first} has worked with our partner primary schools, which shows a readiness to support teachers beyond our own school.',
  'I am confident that {first} has the subject knowledge, interpersonal skills and resilience needed to become an excellent Mastery Specialist.',
  'The school will release {first} for the fifteen days required in each year of the programme and will protect that time.',
  'The head of department and I will meet with {first} each half term to review progress and to plan how the learning is shared with the department.',
  'We are keen to contribute to the wider work of the Maths Hub and see this as an opportunity to give something back to schools in our area.',
  'Our governors have discussed the programme and are fully supportive of our application.',
  'I have no hesitation in recommending {first} for this role.',
];

const TFM_HOD = [
  'Our department at {school} wishes to take part in the Work Group because we want to build a consistent approach to teaching for mastery at Key Stage 3.',
  'We have made a start by adopting a mastery curriculum in Year 7, but we recognise that we need support to embed it and to extend it into Year 8.',
  'We hope that the Work Group will help us to develop shared lesson design, to use representations more consistently and to reduce the gaps between groups of pupils.',
  'The expected impact is better reasoning in lessons, stronger retention of key ideas and more confident pupils who see themselves as mathematicians.',
  'We also want to set up Teacher Research Groups so that all members of the department are involved in planning and reviewing lessons together.',
  '{t1} has been chosen because she leads our Key Stage 3 curriculum and is highly respected by colleagues for the quality of her planning.',
  '{t2} has been chosen because he is an enthusiastic and reflective teacher who has already trialled mastery approaches with his Year 8 classes.',
  'Both teachers have the time, the commitment and the support of the senior leadership team to lead this work in the department.',
  'Senior leaders have agreed to release them for the Work Group meetings and for the in-school development days.',
  'We are also keen to learn from the other school in the Work Group and to share what we have learnt so far.',
  'Our department development plan for next year already includes time for the department to act on what the Advocates bring back.',
  'We see the Work Group as the next step in a long-term commitment to teaching for mastery across the school.',
  'Our governors and senior leaders have been kept informed and are fully supportive of this application.',
];

const READINESS_HEAD = [
  'We would like {school} to take part in the Mastery Readiness Programme because mathematics is the main priority in our school improvement plan.',
  'Outcomes at the end of Key Stage 2 have been below the national average for the last two years, and we know that our teaching needs a more consistent approach.',
  'We serve an area of high deprivation and have not previously been able to take part in a Maths Hub Work Group.',
  'Our Maths Subject Leader will lead the work in school and will share what is learnt at each training event in staff meetings.',
  'Our second lead teacher will trial approaches in her own class and will work alongside colleagues in Years 3 and 4.',
  'Both teachers will plan with year group partners each week, so that the ideas from the programme reach every class in the school.',
  'I will attend the first training event and will meet the Mastery Readiness Lead at each school visit to review our action plan.',
  'Governors fully support this application and have agreed to fund additional time for the two lead teachers.',
  'We are ready to commit to the expectations of the programme and hope to join the Teaching for Mastery Work Group programme in the second year.',
];

export interface ComposeOptions {
  /** Placeholders in the bank ({school}, {first}, …) and their values. */
  vars: Record<string, string>;
  minWords: number;
  maxWords: number;
  /** Where in the bank to start, so samples differ. */
  start?: number;
  /** Sentences per paragraph. */
  perParagraph?: number;
}

function compose(bank: readonly string[], options: ComposeOptions): string[] {
  const start = options.start ?? 0;
  const sentences = [...bank.slice(start), ...bank.slice(0, start)].map((s) => s.replace(/\{(\w+)\}/g, (_, k: string) => options.vars[k] ?? `{${k}}`));
  const chosen: string[] = [];
  let count = 0;
  for (const sentence of sentences) {
    if (count >= options.minWords) break;
    const n = countWords(sentence);
    if (count + n <= options.maxWords) {
      chosen.push(sentence);
      count += n;
    }
  }
  if (count < options.minWords) throw new Error(`could not compose ${options.minWords}–${options.maxWords} words (got ${count})`);
  const per = options.perParagraph ?? 3;
  const paragraphs: string[] = [];
  for (let i = 0; i < chosen.length; i += per) paragraphs.push(chosen.slice(i, i + per).join(' '));
  return paragraphs;
}

export const applicantStatement = (o: ComposeOptions) => compose(APPLICANT, o);
export const headteacherStatement = (o: ComposeOptions) => compose(HEADTEACHER, o);
export const tfmStatement = (o: ComposeOptions) => compose(TFM_HOD, o);
export const readinessStatement = (o: ComposeOptions) => compose(READINESS_HEAD, o);

// Primary Mastery Specialist Programme 2024/25 (seed 003): the applicant and the headteacher.
const PRIMARY_SPECIALIST_APPLICANT = [
  'I have taught in primary schools for {years} years and I am currently a {role} at {school}, where I teach maths every day to my own class.',
  'I hold Qualified Teacher Status and my maths teaching has been judged strong in internal observations, in a local authority review and in our most recent Ofsted inspection.',
  'Over the last three years I have taken part in {hub} Work Groups on teaching for mastery, first developing and then embedding the approach in my own classroom.',
  'These Work Groups changed the way I plan: I now break each idea into small, connected steps and choose representations such as part-whole models and bar models with great care.',
  'I have seen children who were anxious about maths begin to explain their reasoning with confidence, and that is why I am so passionate about teaching for mastery.',
  'As maths lead I organise fortnightly workshops in which colleagues plan a lesson together, observe it being taught and then discuss what the children understood.',
  'Collaborative lesson observation has become an accepted part of our school week, and colleagues now ask to have their lessons observed rather than avoiding it.',
  'I have supported two early career teachers this year, and both now use the same structure of short, carefully sequenced steps in their own lessons.',
  'I have also led a twilight session for teachers from three neighbouring schools on the use of stem sentences and generalisations in Key Stage 1.',
  'Working with teachers from other schools showed me how much I enjoy supporting adults as well as children, and how much I still have to learn about doing it well.',
  'I want to deepen my own subject knowledge, particularly around multiplicative reasoning and fractions, so that I can support colleagues with confidence across every year group.',
  'I would also like to develop the skills needed to lead professional development, so that the changes we make in school last beyond any one teacher.',
  'Becoming a Mastery Specialist would allow me to contribute to the wider work of the hub and to lead Work Groups for other schools from 2025/26.',
  'My headteacher fully supports my application and has already planned how my class will be covered during the fifteen days of release time.',
  'I understand the commitment that the programme requires, including the three two-day residentials, the assignments and the work in school between them.',
  'I am an organised and reflective teacher, and I keep a journal of each workshop cycle that I share with colleagues at staff meetings.',
  'Our school introduced a mastery-aligned scheme two years ago, and I coordinated the training, the resources and the monitoring that went with it.',
  'I regularly analyse assessment information with year group teams and use it to plan short same-day interventions that keep the whole class together.',
  'Parents have noticed the change too: at our maths open morning several commented on how confidently their children talked about their learning.',
  'I believe that every child can succeed in maths when teaching is coherent, when misconceptions are addressed quickly and when fluency is built through varied practice.',
  'I communicate clearly and warmly, and colleagues describe me as approachable, patient and honest when giving feedback after a lesson.',
  'I am keen to build leadership capacity in others, and I have already begun to hand over the running of our Key Stage 1 workshops to a colleague.',
  'I would bring energy, openness and a strong commitment to collaborative professional development to the programme and to the hub.',
  'I am confident that I can combine the demands of the programme with my teaching and my responsibilities as maths lead.',
  'Thank you for considering my application; I would be proud to join the tenth cohort of Primary Mastery Specialists.',
];

const PRIMARY_SPECIALIST_HEAD = [
  'As headteacher of {school} I am delighted to support {first}’s application to become a Primary Mastery Specialist.',
  'Developing teaching for mastery across the whole school is the first priority in our school development plan for 2024/25 and beyond.',
  'We have worked with the Maths Hub for three years, and {first} has led our work in school with great skill and enthusiasm.',
  '{first} is an excellent classroom teacher whose maths lessons are consistently strong, and colleagues regularly visit {first}’s classroom to see the approach in action.',
  'The senior leadership team understands the commitment the programme requires in the first year and in the years that follow.',
  'We will release {first} for the fifteen days in 2024/25 and we have already budgeted for the cover that this needs.',
  'I will meet {first} each half term to review the work in school and to plan how it is shared with all staff through workshops and collaborative lesson observation.',
  'We are keen to contribute to the wider work of the hub and see this as an opportunity to support other schools in our area.',
  'Our governors have discussed the programme and fully support this application.',
  'I have no hesitation in recommending {first} for the role.',
  'We recognise that the school itself should become a leading exponent of teaching for mastery, and we are ready to take that on.',
  'Staff at every level, including our teaching assistants, have taken part in the workshops {first} has led this year.',
  'Pupils’ attitudes to maths have improved markedly, and our own assessments show more children working securely at the expected standard in every year group.',
  '{first} has the subject knowledge, the interpersonal skills and the resilience needed to support teachers in other schools as well as our own.',
  'We will also make sure that {first} has the release time needed in the second and later years to lead Work Groups for the hub.',
];

export const primarySpecialistStatement = (o: ComposeOptions) => compose(PRIMARY_SPECIALIST_APPLICANT, o);
export const primaryHeadteacherStatement = (o: ComposeOptions) => compose(PRIMARY_SPECIALIST_HEAD, o);
