package dev.syncline.emulator.gmail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailBatchTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void everyPartIsAnsweredInTheOrderOfTheRequest() {
        List<String> ids = new ArrayList<>(gmail.seed(40, 1).ids().subList(0, 30));
        Collections.shuffle(ids);

        HttpResponse<String> response = gmail.batch(ids.stream().map(id -> API + "/messages/" + id + "?format=minimal").toList());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("multipart/mixed; boundary=");
        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(response);
        assertThat(answers).extracting(RunningGmail.BatchAnswer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.body().get("id").asText()).containsExactlyElementsOf(ids);
        assertThat(answers).extracting(RunningGmail.BatchAnswer::contentId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(i -> "response-" + i).toList());
    }

    @Test
    void eachPartIsAuthenticatedByItsOwnAuthorizationHeader() {
        List<String> ids = gmail.seed(5, 0).ids();
        List<String> paths = ids.subList(0, 3).stream().map(id -> API + "/messages/" + id).toList();

        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(
                gmail.batch(paths, Arrays.asList(gmail.token(), null, "ya29.not-issued")));

        assertThat(answers).extracting(RunningGmail.BatchAnswer::status).containsExactly(200, 401, 401);
        assertThat(answers.get(1).body().at("/error/errors/0/reason").asText()).isEqualTo("authError");
    }

    @Test
    void aMissingMessageFailsOnlyItsOwnPart() {
        List<String> ids = gmail.seed(5, 0).ids();

        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(gmail.batch(List.of(
                API + "/messages/" + ids.get(0), API + "/messages/00000000000000aa", API + "/messages/" + ids.get(1))));

        assertThat(answers).extracting(RunningGmail.BatchAnswer::status).containsExactly(200, 404, 200);
    }

    @Test
    void aBatchOfMoreThanOneHundredCallsIsRejected() {
        gmail.seed(5, 0);

        HttpResponse<String> response = gmail.batch(Collections.nCopies(101, API + "/profile"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error/code").asInt()).isEqualTo(400);
    }

    @Test
    void aBatchOfOneHundredIsServedAndEachPartIsChargedLikeADirectCall() {
        List<String> ids = gmail.seed(120, 0).ids();

        List<RunningGmail.BatchAnswer> answers = RunningGmail.answers(
                gmail.batch(ids.subList(0, 100).stream().map(id -> API + "/messages/" + id).toList()));

        assertThat(answers).hasSize(100);
        GmailCounters counters = gmail.emulator().counters(EMAIL);
        assertThat(counters.requests()).isEqualTo(100);
        assertThat(counters.batchRequests()).isEqualTo(1);
        assertThat(counters.unitsUsed()).isEqualTo(500);
    }

    @Test
    void repeatedQueryParametersAreHonouredInBatchParts() {
        List<String> ids = gmail.seed(5, 0).ids();

        RunningGmail.BatchAnswer answer = RunningGmail.answers(gmail.batch(List.of(API + "/messages/" + ids.get(0)
                + "?format=metadata&metadataHeaders=Subject&metadataHeaders=From"))).get(0);

        List<String> names = new ArrayList<>();
        answer.body().at("/payload/headers").forEach(header -> names.add(header.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("Subject", "From");
    }
}
