import { Link } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

const CONTACT = 'accessibility@convene.example';

/** /accessibility: the accessibility statement, in the GOV.UK/NHS model form. */
export function AccessibilityView() {
  usePageTitle('Accessibility statement');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Accessibility statement for Convene</h1>
        <p className="nhsuk-body-l">
          This statement applies to Convene, the Health Innovation Network’s service for the Call for Conveners and its patient-safety communities of
          practice.
        </p>
        <p className="nhsuk-body">
          The Health Innovation Network runs this service. We want as many people as possible to be able to use it. For example, that means you should be
          able to:
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard</li>
          <li>navigate the whole service using speech recognition software</li>
          <li>listen to the whole service using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>
        <p className="nhsuk-body">We have also made the text as simple as possible to understand.</p>
        <p className="nhsuk-body">
          <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.
        </p>

        <h2 className="nhsuk-heading-m">How accessible this service is</h2>
        <p className="nhsuk-body">We know some parts of this service are not fully accessible:</p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            the charts on the programme dashboard are pictures: each has a summary for screen readers and its numbers in a table beside it, but the
            pictures themselves cannot be explored with a keyboard
          </li>
          <li>dates are entered with your browser’s own date field, which looks and behaves differently in different browsers</li>
          <li>the before and after values in the audit trail can be technical and hard to read</li>
          <li>the header’s menu for the programme team is long and wraps onto several lines on small screens</li>
          <li>the service needs JavaScript: it does not work with JavaScript turned off</li>
        </ul>

        <h2 className="nhsuk-heading-m">Feedback and contact information</h2>
        <p className="nhsuk-body">
          If you need information in this service in a different format, such as accessible PDF, large print, easy read, audio recording or braille,
          email <a href={`mailto:${CONTACT}`}>{CONTACT}</a>. We will consider your request and get back to you in 5 working days.
        </p>

        <h2 className="nhsuk-heading-m">Reporting accessibility problems with this service</h2>
        <p className="nhsuk-body">
          We are always looking to improve the accessibility of this service. If you find any problems not listed on this page, or think we are not
          meeting accessibility requirements, email <a href={`mailto:${CONTACT}`}>{CONTACT}</a>. Tell us the page’s address, what you were trying to do and
          the browser and assistive technology you use.
        </p>

        <h2 className="nhsuk-heading-m">Enforcement procedure</h2>
        <p className="nhsuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018 (the “accessibility regulations”). If you are not happy with how we respond to your complaint, contact the{' '}
          <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
        </p>

        <h2 className="nhsuk-heading-m">Technical information about this service’s accessibility</h2>
        <p className="nhsuk-body">
          The Health Innovation Network is committed to making its websites and services accessible, in accordance with the Public Sector Bodies (Websites
          and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="nhsuk-heading-s">Compliance status</h3>
        <p className="nhsuk-body">
          This service is partially compliant with the{' '}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed
          below.
        </p>

        <h2 className="nhsuk-heading-m">Non-accessible content</h2>
        <p className="nhsuk-body">The content listed below is non-accessible for the following reasons.</p>
        <h3 className="nhsuk-heading-s">Non-compliance with the accessibility regulations</h3>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            The dashboard charts cannot be reached or explored with a keyboard (WCAG 2.1.1 Keyboard, for the pictures only). The same numbers are in the
            tables beside each chart, which can. We plan to let keyboard users move between the bars.
          </li>
          <li>
            Some of the audit trail’s before and after values are shown as technical data rather than plain sentences, which fails WCAG 3.1.5 Reading
            Level (AAA, so not required) and can be hard to follow. We plan to describe more of them in words.
          </li>
        </ul>
        <h3 className="nhsuk-heading-s">Disproportionate burden</h3>
        <p className="nhsuk-body">We are not claiming a disproportionate burden for any part of this service.</p>
        <h3 className="nhsuk-heading-s">Content that’s not within the scope of the accessibility regulations</h3>
        <p className="nhsuk-body">
          Files that you download (spreadsheets and data files) are for use in other programs and are not web pages. Tell us if you need them in
          another format.
        </p>

        <h2 className="nhsuk-heading-m">What we’re doing to improve accessibility</h2>
        <p className="nhsuk-body">
          Every page is built from the NHS.UK design system’s components, which are tested with assistive technologies. Each time the service changes, our
          automated browser journeys check every page they visit against WCAG 2.2 AA with axe, and fail if it finds a problem.
        </p>

        <h2 className="nhsuk-heading-m">Preparation of this accessibility statement</h2>
        <p className="nhsuk-body">
          This statement was prepared on 26 November 2026. It was last reviewed on 26 November 2026.
        </p>
        <p className="nhsuk-body">
          This service was last tested on 26 November 2026 by the team that builds it: automated checks with axe (WCAG 2.2 A and AA rules) on every page
          our browser journeys visit, and checks that each page can be used with a keyboard alone. We have not yet had an independent accessibility audit
          or tested with screen reader users; we plan to do both before the next call opens.
        </p>
        <p className="nhsuk-body">
          Read our <Link to="/privacy">privacy notice</Link>.
        </p>
      </div>
    </div>
  );
}
