import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

export function NotFoundView() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="nhsuk-heading-l">Page not found</h1>
      <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
      <p className="nhsuk-body">
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
