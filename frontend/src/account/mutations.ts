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
