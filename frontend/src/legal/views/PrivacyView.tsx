import { Link } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

const CONTACT = 'privacy@convene.example';

/** /privacy: the privacy notice, for everyone. */
export function PrivacyView() {
  usePageTitle('Privacy notice');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Privacy notice</h1>
        <p className="nhsuk-body-l">
          How the Health Innovation Network uses your information in Convene, the service for the Call for Conveners of patient-safety communities of
          practice.
        </p>
        <p className="nhsuk-body-s">Last updated 26 November 2026.</p>

        <nav className="nhsuk-contents-list" aria-label="Contents">
          <h2 className="nhsuk-u-visually-hidden">Contents</h2>
          <ol className="nhsuk-contents-list__list">
            {[
              ['who', 'Who we are'],
              ['what', 'What information we hold'],
              ['why', 'Why we hold it, and our lawful basis'],
              ['who-sees', 'Who can see it'],
              ['how-long', 'How long we keep it'],
              ['rights', 'Your rights'],
              ['contact', 'Contact us or complain'],
            ].map(([id, text]) => (
              <li className="nhsuk-contents-list__item" key={id}>
                <a className="nhsuk-contents-list__link" href={`#${id}`}>
                  {text}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        <h2 className="nhsuk-heading-m" id="who">
          Who we are
        </h2>
        <p className="nhsuk-body">
          Convene is run by the programme team of the Health Innovation Network, which is the data controller for the information in it. Convene helps
          health and care staff apply to convene a community of practice, helps a panel select the applications to fund, and supports the communities
          that form: their members, meetings and the practices they share.
        </p>
        <p className="nhsuk-body">
          Convene does not hold health records or information about patients. Do not write about identifiable patients in applications, exchanges or
          meeting notes.
        </p>

        <h2 className="nhsuk-heading-m" id="what">
          What information we hold
        </h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>your account: name, work email address, organisation, profession and a scrambled (hashed) version of your password</li>
          <li>applications you make or co-lead, and what you wrote in them</li>
          <li>if you sit on a selection panel: your reviews, scores and any conflicts of interest you declare</li>
          <li>the communities you belong to and your role in each, invitations and requests to join</li>
          <li>meetings you are invited to and whether you attended</li>
          <li>what you share with a community: practice exchanges, challenges, replies, questions and support requests</li>
          <li>honorarium payments: amount, whether it is paid through your employer or to you, and the payment reference</li>
          <li>notifications we send you, and a record of changes made in the service (the audit trail)</li>
          <li>technical information needed to keep the service secure, such as when you signed in</li>
        </ul>
        <p className="nhsuk-body">
          Convene does not use cookies for tracking or advertising, and it does not load anything from other websites. It keeps your sign-in in your
          browser’s storage until you sign out.
        </p>

        <h2 className="nhsuk-heading-m" id="why">
          Why we hold it, and our lawful basis
        </h2>
        <p className="nhsuk-body">We use your information to run the Call for Conveners and to support the communities of practice, that is to:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>receive, review and decide applications fairly, and tell applicants the outcome</li>
          <li>pay honoraria and keep the financial records that go with them</li>
          <li>let communities invite members, plan meetings and share what works</li>
          <li>report on how the programme is doing, mostly as counts that do not name anyone</li>
          <li>keep the service secure and find out what went wrong if something does</li>
        </ul>
        <p className="nhsuk-body">
          For NHS organisations in the network, our lawful basis is <strong>public task</strong> (UK GDPR Article 6(1)(e)): improving the safety of
          health and care is part of their public functions. For staff of other organisations (local authorities, universities, charities and
          companies), it is <strong>legitimate interests</strong> (Article 6(1)(f)): the network’s interest in learning across organisations, balanced
          against yours, which we limit by holding only work details. Honorarium records are kept because the law on financial records requires it
          (Article 6(1)(c), legal obligation).
        </p>
        <p className="nhsuk-body">We do not use your information for marketing, we do not sell it, and no decision about you is made by a computer alone.</p>

        <h2 className="nhsuk-heading-m" id="who-sees">
          Who can see it
        </h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>the programme team: everything, to run the programme</li>
          <li>the selection panel of a call: the applications to that call, their reviews and conflicts of interest</li>
          <li>the members of a community: who else belongs, its meetings and what is shared inside it</li>
          <li>coaches: the support requests of the communities they coach</li>
          <li>
            everyone signed in, or the public: only what a community chose to list in its directory entry and the practices it shared with the network or
            the public, in the <Link to="/library">practice library</Link>
          </li>
          <li>finance staff of the Health Innovation Network: what they need to pay honoraria</li>
          <li>partner systems the network connects to Convene: only the events and records they are allowed, and never your password</li>
        </ul>
        <p className="nhsuk-body">Convene is hosted in the UK. We do not send your information outside the UK.</p>

        <h2 className="nhsuk-heading-m" id="how-long">
          How long we keep it
        </h2>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">How long each kind of information is kept</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                Information
              </th>
              <th className="nhsuk-table__header" scope="col">
                Kept for
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {[
              ['Your account', 'Until you delete it, or 2 years after you last signed in'],
              ['Draft applications', 'Until you submit or delete them, or your account is deleted'],
              ['Submitted applications, reviews, conflicts and decisions', '6 years after the call is decided, without your name once your account is deleted'],
              ['Honorarium payments', '6 years after the end of the financial year they were paid in'],
              ['What you shared with a community', 'As long as the community keeps it; shown as written by a “Former member” once your account is deleted'],
              ['The audit trail', '6 years; it keeps no personal details once your account is deleted'],
            ].map(([what, how]) => (
              <tr className="nhsuk-table__row" key={what}>
                <th className="nhsuk-table__header" scope="row">
                  {what}
                </th>
                <td className="nhsuk-table__cell">{how}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 className="nhsuk-heading-m" id="rights">
          Your rights
        </h2>
        <p className="nhsuk-body">You have the right to:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            get a copy of your information: <Link to="/account/data">download everything we hold about you</Link> at any time
          </li>
          <li>have it corrected if it is wrong</li>
          <li>
            have it deleted: <Link to="/account/delete">delete your account</Link> (some records are kept, without your name, for the reasons above)
          </li>
          <li>object to how we use it, or ask us to limit it</li>
          <li>take it to another service: the download includes a file other services can read (JSON)</li>
        </ul>

        <h2 className="nhsuk-heading-m" id="contact">
          Contact us or complain
        </h2>
        <p className="nhsuk-body">
          Email the programme team at <a href={`mailto:${CONTACT}`}>{CONTACT}</a> with any question about your information, or to use a right you cannot
          use in Convene itself. We reply within one month.
        </p>
        <p className="nhsuk-body">
          If you are unhappy with our answer, you can complain to the Information Commissioner’s Office (ICO), the UK’s regulator for data protection:
          ico.org.uk, or telephone 0303 123 1113.
        </p>
      </div>
    </div>
  );
}
