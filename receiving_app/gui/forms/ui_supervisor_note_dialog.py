# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervisor_note_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_SupervisorNoteDialog(object):
    def setupUi(self, SupervisorNoteDialog):
        if not SupervisorNoteDialog.objectName():
            SupervisorNoteDialog.setObjectName(u"SupervisorNoteDialog")
        SupervisorNoteDialog.resize(680, 320)
        self.supervisorLayout = QVBoxLayout(SupervisorNoteDialog)
        self.supervisorLayout.setObjectName(u"supervisorLayout")
        self.explanationLabel = QLabel(SupervisorNoteDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.supervisorLayout.addWidget(self.explanationLabel)

        self.supervisorForm = QFormLayout()
        self.supervisorForm.setObjectName(u"supervisorForm")
        self.supervisorLabel = QLabel(SupervisorNoteDialog)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.supervisorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supervisorLabel)

        self.supervisorEdit = QLineEdit(SupervisorNoteDialog)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.supervisorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supervisorEdit)

        self.passwordLabel = QLabel(SupervisorNoteDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.supervisorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(SupervisorNoteDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.supervisorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.reasonLabel = QLabel(SupervisorNoteDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.supervisorForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(SupervisorNoteDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.supervisorForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.supervisorLayout.addLayout(self.supervisorForm)

        self.messageLabel = QLabel(SupervisorNoteDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.supervisorLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(SupervisorNoteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.supervisorLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.supervisorLabel.setBuddy(self.supervisorEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.supervisorEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.reasonEdit)

        self.retranslateUi(SupervisorNoteDialog)

        QMetaObject.connectSlotsByName(SupervisorNoteDialog)
    # setupUi

    def retranslateUi(self, SupervisorNoteDialog):
        SupervisorNoteDialog.setWindowTitle(QCoreApplication.translate("SupervisorNoteDialog", u"A supervisor's approval", None))
        self.explanationLabel.setText("")
        self.supervisorLabel.setText(QCoreApplication.translate("SupervisorNoteDialog", u"Super&visor", None))
#if QT_CONFIG(accessibility)
        self.supervisorEdit.setAccessibleName(QCoreApplication.translate("SupervisorNoteDialog", u"Supervisor name", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("SupervisorNoteDialog", u"Pass&word", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("SupervisorNoteDialog", u"Supervisor password", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("SupervisorNoteDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("SupervisorNoteDialog", u"Supervisor's note", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("SupervisorNoteDialog", u"Why this can go ahead", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SupervisorNoteDialog", u"Supervisor check message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("SupervisorNoteDialog", u"Confirm or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

