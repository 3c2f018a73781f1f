import PDFDocument from 'pdfkit'

/** What a sponsorship agreement says (python.org's Contract snapshot: sponsor info, contact, benefits, terms). */
export type ContractFacts = {
  sponsor: string
  sponsorDescription: string
  /** "name - phone | email" of the primary contact, as python.org's contract shows it. */
  primaryContact: string
  incorporation: string
  level: string
  year: string
  fee: number
  startDate: string
  endDate: string
  renewal: boolean
  /** "Programme - Benefit" lines. */
  benefits: string[]
}

/** Content is input: a contract lists at most this many benefits (a sponsorship holds at most 100). */
const MAX_BENEFITS = 100

/**
 * The sponsorship agreement as a PDF, drawn with pdfkit (python.org renders Markdown through
 * pandoc and LaTeX). Text only, in the PDF's standard Helvetica, so every sponsor value is plain
 * text in the page: nothing in a name or description can become markup or code. The layout
 * follows python.org's agreement: the parties, the term, Exhibit A (year, level, fee, benefits).
 */
export async function renderContractPdf(facts: ContractFacts): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: `Sponsorship Agreement: ${facts.sponsor}`, Author: 'Python Software Foundation' } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const fee = `USD ${facts.fee.toLocaleString('en-US')}`
  doc.font('Helvetica-Bold').fontSize(16).text(facts.renewal ? 'SPONSORSHIP AGREEMENT RENEWAL' : 'SPONSORSHIP AGREEMENT', { align: 'center' })
  doc.moveDown()
  doc.font('Helvetica').fontSize(11)
  doc.text(
    `This Sponsorship Agreement is entered into as of ${facts.startDate} (the "Effective Date") by and between the Python Software Foundation, a Delaware non-profit corporation (the "PSF"), and ${facts.sponsor}, incorporated in ${facts.incorporation || 'the place stated by the Sponsor'} (the "Sponsor").`,
  )
  doc.moveDown()
  doc.text(`Sponsor: ${facts.sponsor}`)
  if (facts.sponsorDescription !== '') doc.text(`Description: ${facts.sponsorDescription}`)
  doc.text(`Contact: ${facts.primaryContact}`)
  doc.moveDown()
  doc.text(
    `The Sponsor agrees to sponsor the PSF at the ${facts.level} level for the term from ${facts.startDate} to ${facts.endDate}, and the PSF agrees to provide the benefits listed in Exhibit A. The sponsorship fee is due within thirty (30) days of the Effective Date.`,
  )
  doc.addPage()
  doc.font('Helvetica-Bold').fontSize(14).text('EXHIBIT A', { align: 'center' })
  doc.moveDown()
  doc.font('Helvetica').fontSize(11)
  doc.text(`Sponsorship year: ${facts.year}`)
  doc.text(`Sponsorship level: ${facts.level}`)
  doc.text(`Sponsorship fee: ${fee}`)
  doc.moveDown()
  doc.font('Helvetica-Bold').text('Benefits')
  doc.font('Helvetica')
  for (const benefit of facts.benefits.slice(0, MAX_BENEFITS)) doc.text(`- ${benefit}`, { indent: 12 })
  doc.moveDown(2)
  doc.text('Python Software Foundation: ______________________    Date: __________')
  doc.moveDown()
  doc.text(`${facts.sponsor}: ______________________    Date: __________`)
  doc.end()
  return done
}
