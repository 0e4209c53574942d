import { graphql } from '../graphql';

export const ProposePracticeMutation = graphql(`
  mutation ProposePractice($input: ProposePracticeInput!) {
    proposePractice(input: $input) {
      practice {
        ...PracticeSummaryFields
      }
    }
  }
`);

export const SetPracticeStatusMutation = graphql(`
  mutation SetPracticeStatus($input: SetPracticeStatusInput!) {
    setPracticeStatus(input: $input) {
      practice {
        id
        status
        updatedAt
      }
    }
  }
`);

export const ShareExchangeMutation = graphql(`
  mutation ShareExchange($input: ShareExchangeInput!) {
    shareExchange(input: $input) {
      exchange {
        ...ExchangeFields
      }
    }
  }
`);

export const SetExchangeVisibilityMutation = graphql(`
  mutation SetExchangeVisibility($input: SetExchangeVisibilityInput!) {
    setExchangeVisibility(input: $input) {
      exchange {
        ...ExchangeFields
      }
    }
  }
`);

export const AskInquiryMutation = graphql(`
  mutation AskInquiry($input: AskInquiryInput!) {
    askInquiry(input: $input) {
      inquiry {
        id
        question
        askedAt
        askedBy {
          id
          name
        }
        answers {
          id
        }
      }
    }
  }
`);

export const AnswerInquiryMutation = graphql(`
  mutation AnswerInquiry($input: AnswerInquiryInput!) {
    answerInquiry(input: $input) {
      answer {
        id
        answer
        answeredAt
        byExchangeAuthor
        author {
          id
          name
        }
      }
      inquiry {
        id
      }
    }
  }
`);

export const AdoptSharingProtocolMutation = graphql(`
  mutation AdoptSharingProtocol($input: AdoptSharingProtocolInput!) {
    adoptSharingProtocol(input: $input) {
      sharingProtocol {
        ...ProtocolFields
      }
    }
  }
`);

export const UpdateSharingProtocolMutation = graphql(`
  mutation UpdateSharingProtocol($input: UpdateSharingProtocolInput!) {
    updateSharingProtocol(input: $input) {
      sharingProtocol {
        ...ProtocolFields
      }
    }
  }
`);

export const MarkPromisingMutation = graphql(`
  mutation MarkPromising($input: MarkPromisingInput!) {
    markPromising(input: $input) {
      practice {
        id
        promising {
          ...PromisingFields
        }
      }
    }
  }
`);
