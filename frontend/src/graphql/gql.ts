/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut($input: SignOutInput) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      roles\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Organisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  mutation CreateCall($input: CreateCallInput!) {\n    createCall(input: $input) {\n      call {\n        id\n        title\n        status\n      }\n    }\n  }\n": typeof types.CreateCallDocument,
    "\n  mutation CloseCall($input: CloseCallInput!) {\n    closeCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n": typeof types.CloseCallDocument,
    "\n  mutation OpenCall($input: OpenCallInput!) {\n    openCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n": typeof types.OpenCallDocument,
    "\n  mutation CreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n": typeof types.CreateDomainDocument,
    "\n  mutation AcceptDomain($input: AcceptDomainInput!) {\n    acceptDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n": typeof types.AcceptDomainDocument,
    "\n  mutation RenameDomain($input: RenameDomainInput!) {\n    renameDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n": typeof types.RenameDomainDocument,
    "\n  mutation MergeDomain($input: MergeDomainInput!) {\n    mergeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MergeDomainDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation SetOrganisationNhsMember($input: SetOrganisationNhsMemberInput!) {\n    setOrganisationNhsMember(input: $input) {\n      organisation {\n        id\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n": typeof types.SetOrganisationNhsMemberDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  query AdminCalls {\n    calls(first: 100) {\n      nodes {\n        id\n        title\n        status\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n      }\n    }\n  }\n": typeof types.AdminCallsDocument,
    "\n  query AdminCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      description\n      status\n      opensAt\n      closesAt\n      decisionDueOn\n      fundedPlaces\n      honorariumPence\n      budgetPence\n      honorariumPolicy\n      reviewersPerApplication\n      rankBy\n      criteria {\n        id\n        name\n        weight\n      }\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          submittedAt\n          updatedAt\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n          leadOrganisation {\n            id\n            name\n          }\n          sponsor {\n            id\n            name\n          }\n          coLeads {\n            state\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminCallDocument,
    "\n  query AdminDomains {\n    domains(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        description\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminDomainsDocument,
    "\n  query AdminOrganisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n": typeof types.AdminOrganisationsDocument,
    "\n  query AdminPeople($search: String) {\n    people(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        email\n        profession\n        roles\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminPeopleDocument,
    "\n  mutation ProposeDomain($input: ProposeDomainInput!) {\n    proposeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n": typeof types.ProposeDomainDocument,
    "\n  mutation StartApplication($input: StartApplicationInput!) {\n    startApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.StartApplicationDocument,
    "\n  mutation UpdateApplication($input: UpdateApplicationInput!) {\n    updateApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.UpdateApplicationDocument,
    "\n  mutation InviteCoLead($input: InviteCoLeadInput!) {\n    inviteCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.InviteCoLeadDocument,
    "\n  mutation RemoveCoLead($input: RemoveCoLeadInput!) {\n    removeCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.RemoveCoLeadDocument,
    "\n  mutation AcceptCoLead($input: AcceptCoLeadInput!) {\n    acceptCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.AcceptCoLeadDocument,
    "\n  mutation DeclineCoLead($input: DeclineCoLeadInput!) {\n    declineCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.DeclineCoLeadDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  fragment ApplicationFields on Application {\n    id\n    status\n    viewerIsLead\n    viewerIsInvited\n    submittedAt\n    withdrawnAt\n    updatedAt\n    call {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n    domain {\n      id\n      name\n      status\n    }\n    lead {\n      id\n      name\n    }\n    leadOrganisation {\n      id\n      name\n    }\n    sponsor {\n      id\n      name\n    }\n    motivation\n    domainSketch\n    memberMap\n    invitationDraft\n    firstMeeting\n    hopedForChange\n    supportWanted\n    coLeads {\n      email\n      state\n      accepted\n      person {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApplicationFieldsFragmentDoc,
    "\n  query Application($id: ID!) {\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.ApplicationDocument,
    "\n  query AcceptedDomains {\n    domains(first: 100, status: ACCEPTED) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.AcceptedDomainsDocument,
    "\n  query MyApplications {\n    viewer {\n      id\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          viewerIsLead\n          updatedAt\n          submittedAt\n          call {\n            id\n            title\n            closesAt\n            acceptingApplications\n          }\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n        }\n      }\n      coLeadInvitations {\n        id\n        call {\n          id\n          title\n        }\n        domain {\n          id\n          name\n        }\n        lead {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MyApplicationsDocument,
    "\n  query CoLeadInvitation($id: ID!) {\n    viewer {\n      id\n      coLeadInvitations {\n        id\n      }\n    }\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.CoLeadInvitationDocument,
    "\n  query OpenCalls {\n    calls(first: 20, status: OPEN) {\n      nodes {\n        id\n        title\n        description\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n        honorariumPence\n        acceptingApplications\n      }\n    }\n  }\n": typeof types.OpenCallsDocument,
    "\n  query CallSummary($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n  }\n": typeof types.CallSummaryDocument,
};
const documents: Documents = {
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut($input: SignOutInput) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      roles\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query Organisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": types.OrganisationsDocument,
    "\n  mutation CreateCall($input: CreateCallInput!) {\n    createCall(input: $input) {\n      call {\n        id\n        title\n        status\n      }\n    }\n  }\n": types.CreateCallDocument,
    "\n  mutation CloseCall($input: CloseCallInput!) {\n    closeCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n": types.CloseCallDocument,
    "\n  mutation OpenCall($input: OpenCallInput!) {\n    openCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n": types.OpenCallDocument,
    "\n  mutation CreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n": types.CreateDomainDocument,
    "\n  mutation AcceptDomain($input: AcceptDomainInput!) {\n    acceptDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n": types.AcceptDomainDocument,
    "\n  mutation RenameDomain($input: RenameDomainInput!) {\n    renameDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n": types.RenameDomainDocument,
    "\n  mutation MergeDomain($input: MergeDomainInput!) {\n    mergeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MergeDomainDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation SetOrganisationNhsMember($input: SetOrganisationNhsMemberInput!) {\n    setOrganisationNhsMember(input: $input) {\n      organisation {\n        id\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n": types.SetOrganisationNhsMemberDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  query AdminCalls {\n    calls(first: 100) {\n      nodes {\n        id\n        title\n        status\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n      }\n    }\n  }\n": types.AdminCallsDocument,
    "\n  query AdminCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      description\n      status\n      opensAt\n      closesAt\n      decisionDueOn\n      fundedPlaces\n      honorariumPence\n      budgetPence\n      honorariumPolicy\n      reviewersPerApplication\n      rankBy\n      criteria {\n        id\n        name\n        weight\n      }\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          submittedAt\n          updatedAt\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n          leadOrganisation {\n            id\n            name\n          }\n          sponsor {\n            id\n            name\n          }\n          coLeads {\n            state\n          }\n        }\n      }\n    }\n  }\n": types.AdminCallDocument,
    "\n  query AdminDomains {\n    domains(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        description\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminDomainsDocument,
    "\n  query AdminOrganisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n": types.AdminOrganisationsDocument,
    "\n  query AdminPeople($search: String) {\n    people(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        email\n        profession\n        roles\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminPeopleDocument,
    "\n  mutation ProposeDomain($input: ProposeDomainInput!) {\n    proposeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n": types.ProposeDomainDocument,
    "\n  mutation StartApplication($input: StartApplicationInput!) {\n    startApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.StartApplicationDocument,
    "\n  mutation UpdateApplication($input: UpdateApplicationInput!) {\n    updateApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.UpdateApplicationDocument,
    "\n  mutation InviteCoLead($input: InviteCoLeadInput!) {\n    inviteCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.InviteCoLeadDocument,
    "\n  mutation RemoveCoLead($input: RemoveCoLeadInput!) {\n    removeCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.RemoveCoLeadDocument,
    "\n  mutation AcceptCoLead($input: AcceptCoLeadInput!) {\n    acceptCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.AcceptCoLeadDocument,
    "\n  mutation DeclineCoLead($input: DeclineCoLeadInput!) {\n    declineCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.DeclineCoLeadDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  fragment ApplicationFields on Application {\n    id\n    status\n    viewerIsLead\n    viewerIsInvited\n    submittedAt\n    withdrawnAt\n    updatedAt\n    call {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n    domain {\n      id\n      name\n      status\n    }\n    lead {\n      id\n      name\n    }\n    leadOrganisation {\n      id\n      name\n    }\n    sponsor {\n      id\n      name\n    }\n    motivation\n    domainSketch\n    memberMap\n    invitationDraft\n    firstMeeting\n    hopedForChange\n    supportWanted\n    coLeads {\n      email\n      state\n      accepted\n      person {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.ApplicationFieldsFragmentDoc,
    "\n  query Application($id: ID!) {\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n": types.ApplicationDocument,
    "\n  query AcceptedDomains {\n    domains(first: 100, status: ACCEPTED) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.AcceptedDomainsDocument,
    "\n  query MyApplications {\n    viewer {\n      id\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          viewerIsLead\n          updatedAt\n          submittedAt\n          call {\n            id\n            title\n            closesAt\n            acceptingApplications\n          }\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n        }\n      }\n      coLeadInvitations {\n        id\n        call {\n          id\n          title\n        }\n        domain {\n          id\n          name\n        }\n        lead {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MyApplicationsDocument,
    "\n  query CoLeadInvitation($id: ID!) {\n    viewer {\n      id\n      coLeadInvitations {\n        id\n      }\n    }\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n": types.CoLeadInvitationDocument,
    "\n  query OpenCalls {\n    calls(first: 20, status: OPEN) {\n      nodes {\n        id\n        title\n        description\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n        honorariumPence\n        acceptingApplications\n      }\n    }\n  }\n": types.OpenCallsDocument,
    "\n  query CallSummary($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n  }\n": types.CallSummaryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      person {\n        id\n        name\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($input: SignOutInput) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut($input: SignOutInput) {\n    signOut(input: $input) {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      roles\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      email\n      roles\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCall($input: CreateCallInput!) {\n    createCall(input: $input) {\n      call {\n        id\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCall($input: CreateCallInput!) {\n    createCall(input: $input) {\n      call {\n        id\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCall($input: CloseCallInput!) {\n    closeCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseCall($input: CloseCallInput!) {\n    closeCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCall($input: OpenCallInput!) {\n    openCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenCall($input: OpenCallInput!) {\n    openCall(input: $input) {\n      call {\n        id\n        status\n        acceptingApplications\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptDomain($input: AcceptDomainInput!) {\n    acceptDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptDomain($input: AcceptDomainInput!) {\n    acceptDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDomain($input: RenameDomainInput!) {\n    renameDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameDomain($input: RenameDomainInput!) {\n    renameDomain(input: $input) {\n      domain {\n        id\n        name\n        description\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeDomain($input: MergeDomainInput!) {\n    mergeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MergeDomain($input: MergeDomainInput!) {\n    mergeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        sector\n        nhsMember\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganisationNhsMember($input: SetOrganisationNhsMemberInput!) {\n    setOrganisationNhsMember(input: $input) {\n      organisation {\n        id\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganisationNhsMember($input: SetOrganisationNhsMemberInput!) {\n    setOrganisationNhsMember(input: $input) {\n      organisation {\n        id\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      person {\n        id\n        roles\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCalls {\n    calls(first: 100) {\n      nodes {\n        id\n        title\n        status\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCalls {\n    calls(first: 100) {\n      nodes {\n        id\n        title\n        status\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      description\n      status\n      opensAt\n      closesAt\n      decisionDueOn\n      fundedPlaces\n      honorariumPence\n      budgetPence\n      honorariumPolicy\n      reviewersPerApplication\n      rankBy\n      criteria {\n        id\n        name\n        weight\n      }\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          submittedAt\n          updatedAt\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n          leadOrganisation {\n            id\n            name\n          }\n          sponsor {\n            id\n            name\n          }\n          coLeads {\n            state\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCall($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      description\n      status\n      opensAt\n      closesAt\n      decisionDueOn\n      fundedPlaces\n      honorariumPence\n      budgetPence\n      honorariumPolicy\n      reviewersPerApplication\n      rankBy\n      criteria {\n        id\n        name\n        weight\n      }\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          submittedAt\n          updatedAt\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n          leadOrganisation {\n            id\n            name\n          }\n          sponsor {\n            id\n            name\n          }\n          coLeads {\n            state\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDomains {\n    domains(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        description\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDomains {\n    domains(first: 100) {\n      totalCount\n      nodes {\n        id\n        name\n        description\n        status\n        mergedInto {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganisations($search: String) {\n    organisations(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        sector\n        nhsMember\n        nhsMemberChangedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPeople($search: String) {\n    people(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        email\n        profession\n        roles\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPeople($search: String) {\n    people(first: 100, search: $search) {\n      totalCount\n      nodes {\n        id\n        name\n        email\n        profession\n        roles\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeDomain($input: ProposeDomainInput!) {\n    proposeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeDomain($input: ProposeDomainInput!) {\n    proposeDomain(input: $input) {\n      domain {\n        id\n        name\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartApplication($input: StartApplicationInput!) {\n    startApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartApplication($input: StartApplicationInput!) {\n    startApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApplication($input: UpdateApplicationInput!) {\n    updateApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApplication($input: UpdateApplicationInput!) {\n    updateApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteCoLead($input: InviteCoLeadInput!) {\n    inviteCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteCoLead($input: InviteCoLeadInput!) {\n    inviteCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCoLead($input: RemoveCoLeadInput!) {\n    removeCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveCoLead($input: RemoveCoLeadInput!) {\n    removeCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCoLead($input: AcceptCoLeadInput!) {\n    acceptCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptCoLead($input: AcceptCoLeadInput!) {\n    acceptCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineCoLead($input: DeclineCoLeadInput!) {\n    declineCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineCoLead($input: DeclineCoLeadInput!) {\n    declineCoLead(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawApplication($input: WithdrawApplicationInput!) {\n    withdrawApplication(input: $input) {\n      application {\n        ...ApplicationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationFields on Application {\n    id\n    status\n    viewerIsLead\n    viewerIsInvited\n    submittedAt\n    withdrawnAt\n    updatedAt\n    call {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n    domain {\n      id\n      name\n      status\n    }\n    lead {\n      id\n      name\n    }\n    leadOrganisation {\n      id\n      name\n    }\n    sponsor {\n      id\n      name\n    }\n    motivation\n    domainSketch\n    memberMap\n    invitationDraft\n    firstMeeting\n    hopedForChange\n    supportWanted\n    coLeads {\n      email\n      state\n      accepted\n      person {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ApplicationFields on Application {\n    id\n    status\n    viewerIsLead\n    viewerIsInvited\n    submittedAt\n    withdrawnAt\n    updatedAt\n    call {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n    domain {\n      id\n      name\n      status\n    }\n    lead {\n      id\n      name\n    }\n    leadOrganisation {\n      id\n      name\n    }\n    sponsor {\n      id\n      name\n    }\n    motivation\n    domainSketch\n    memberMap\n    invitationDraft\n    firstMeeting\n    hopedForChange\n    supportWanted\n    coLeads {\n      email\n      state\n      accepted\n      person {\n        id\n        name\n      }\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Application($id: ID!) {\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n"): (typeof documents)["\n  query Application($id: ID!) {\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AcceptedDomains {\n    domains(first: 100, status: ACCEPTED) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query AcceptedDomains {\n    domains(first: 100, status: ACCEPTED) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApplications {\n    viewer {\n      id\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          viewerIsLead\n          updatedAt\n          submittedAt\n          call {\n            id\n            title\n            closesAt\n            acceptingApplications\n          }\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n        }\n      }\n      coLeadInvitations {\n        id\n        call {\n          id\n          title\n        }\n        domain {\n          id\n          name\n        }\n        lead {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyApplications {\n    viewer {\n      id\n      applications(first: 100) {\n        totalCount\n        nodes {\n          id\n          status\n          viewerIsLead\n          updatedAt\n          submittedAt\n          call {\n            id\n            title\n            closesAt\n            acceptingApplications\n          }\n          domain {\n            id\n            name\n          }\n          lead {\n            id\n            name\n          }\n        }\n      }\n      coLeadInvitations {\n        id\n        call {\n          id\n          title\n        }\n        domain {\n          id\n          name\n        }\n        lead {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoLeadInvitation($id: ID!) {\n    viewer {\n      id\n      coLeadInvitations {\n        id\n      }\n    }\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n"): (typeof documents)["\n  query CoLeadInvitation($id: ID!) {\n    viewer {\n      id\n      coLeadInvitations {\n        id\n      }\n    }\n    application(id: $id) {\n      ...ApplicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenCalls {\n    calls(first: 20, status: OPEN) {\n      nodes {\n        id\n        title\n        description\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n        honorariumPence\n        acceptingApplications\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenCalls {\n    calls(first: 20, status: OPEN) {\n      nodes {\n        id\n        title\n        description\n        opensAt\n        closesAt\n        decisionDueOn\n        fundedPlaces\n        honorariumPence\n        acceptingApplications\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallSummary($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n  }\n"): (typeof documents)["\n  query CallSummary($id: ID!) {\n    call(id: $id) {\n      id\n      title\n      status\n      closesAt\n      decisionDueOn\n      acceptingApplications\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;