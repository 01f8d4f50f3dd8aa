package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;

import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.web.Pages;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the pages that take a hand-over's file do alike ({@link HandoverPageController},
 * {@link StudentUploadPageController}): the upload limit for the form's own check, and the file
 * received or its refusal (none chosen, a file refused as a whole) said above the form, not by a
 * field: a single file is no form to bind.
 */
final class UploadForm {

    /** Hands the file to the service as the page's kind of hand-over. */
    interface Receiver {
        HandoverService.Received receive(String fileName, InputStream content) throws IOException;
    }

    private UploadForm() {
    }

    static void limit(Model model, DataSize maxUpload) {
        model.addAttribute("maxUploadBytes", maxUpload.toBytes());
        model.addAttribute("maxUploadMb", maxUpload.toMegabytes());
    }

    /** The file received; null when it was refused, with the reason in the model for the form. */
    static HandoverService.Received receive(MultipartFile file, Model model, Pages pages, Receiver receiver)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problemKey", "web.handover.chooseFile");
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return receiver.receive(file.getOriginalFilename(), in);
        } catch (DomainProblem refused) {
            // the file as a whole is refused (no header, a missing column, too many rows, ...)
            model.addAttribute("problem", pages.message(refused));
            return null;
        }
    }
}
