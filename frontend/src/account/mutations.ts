import { graphql } from '../graphql';

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      person {
        id
        name
        roles
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      refreshToken
      person {
        id
        name
        roles
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut($input: SignOutInput) {
    signOut(input: $input) {
      signedOut
    }
  }
`);

/** Everything the service holds about the signed-in person (recorded in the audit trail). */
export const ExportMyDataMutation = graphql(`
  mutation ExportMyData {
    exportMyData {
      exportedAt
      json
      tables {
        name
        rows
        csv
      }
    }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      deleted
      kept {
        what
        count
        reason
      }
    }
  }
`);
